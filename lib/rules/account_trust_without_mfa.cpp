#include "analysis/principal_analysis.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

using analysis::Pin;

void check(RuleContext& context) {
  if (context.policy_type() != PolicyType::trust) {
    return;
  }
  for (const Statement& statement : context.policy().statements) {
    const analysis::CallerPins pins = analysis::allow_pins(statement.condition);
    // Without any pin PL401 reports the statement; a role ARN, an external id
    // or MFA already narrow it to machines or to MFA sessions.
    if (!analysis::allows_assume_role(statement) || !pins.has(Pin::organization) ||
        pins.any_of({Pin::principal_arn, Pin::external_id, Pin::mfa})) {
      continue;
    }
    for (const analysis::PrincipalRef& principal : analysis::principals_of(statement.principal)) {
      if (principal.kind != analysis::PrincipalKind::account) {
        continue;
      }
      context.report(principal.range,
                     "trusting the account " + std::string(principal.account) +
                         " with only an organization condition lets every principal there assume this role, the "
                         "root user and long-term access keys without MFA included: require "
                         "\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"} for people, or pin aws:PrincipalArn to "
                         "the roles that need it",
                     &statement, std::string(principal.account));
    }
  }
}

}  // namespace

extern const Rule account_trust_without_mfa{
    {"PL441", "account-trust-without-mfa", Severity::suggestion, Category::hygiene,
     "A trust policy lets a whole account assume the role without MFA"},
    RuleInput::policy,
    check,
};

}  // namespace policylint::rules
