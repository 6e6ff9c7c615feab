#include "rules/principals.hpp"

namespace policylint::rules {
namespace {

using analysis::Pin;

// Without any pin PL401 reports the statement; a role ARN, an external id or
// MFA already narrow it to machines or to MFA sessions.
bool pinned_to_organization_only(const Statement& statement) {
  const analysis::CallerPins pins = analysis::allow_pins(statement.condition);
  return analysis::allows_assume_role(statement) && pins.has(Pin::organization) &&
         !pins.any_of({Pin::principal_arn, Pin::external_id, Pin::mfa});
}

void check(PolicyContext& context) {
  for_each_trusted_principal(
      context, analysis::PrincipalKind::account, pinned_to_organization_only,
      [&](const Statement& statement, const analysis::PrincipalRef& principal) {
        context.report(principal.range,
                       "trusting the account " + std::string(principal.account) +
                           " with only an organization condition lets every principal there assume this role, the "
                           "root user and long-term access keys without MFA included: require "
                           "\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"} for people, or pin aws:PrincipalArn to "
                           "the roles that need it",
                       &statement, std::string(principal.account));
      });
}

}  // namespace

extern const Rule account_trust_without_mfa{
    {"PL441", "account-trust-without-mfa", Severity::suggestion, Category::hygiene,
     "A trust policy lets a whole account assume the role without MFA"},
    check,
};

}  // namespace policylint::rules
