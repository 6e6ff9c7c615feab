#include <algorithm>

#include "rules/principals.hpp"

namespace policylint::rules {
namespace {

using analysis::Pin;

bool is_trusted(const PolicyContext& context, std::string_view account) {
  const auto trusted = analysis::trusted_accounts(context.options());
  return std::find(trusted.begin(), trusted.end(), account) != trusted.end();
}

bool unpinned(const Statement& statement) {
  return analysis::allows_assume_role(statement) &&
         !analysis::allow_pins(statement.condition)
              .any_of({Pin::external_id, Pin::organization, Pin::principal_arn, Pin::mfa});
}

void check(PolicyContext& context) {
  for_each_trusted_principal(
      context, analysis::PrincipalKind::account, unpinned,
      [&](const Statement& statement, const analysis::PrincipalRef& principal) {
        const std::string account(principal.account);
        std::string message = "trusting account " + account +
                              " lets every principal of that account whose identity policies allow sts:AssumeRole "
                              "on this role assume it";
        if (is_trusted(context, principal.account)) {
          message += "; this is one of your own accounts, so name the roles that need it (or pin them with "
                     "aws:PrincipalArn) instead of the whole account";
        } else {
          message += "; for a third party require sts:ExternalId (confused deputy), for your own organization add "
                     "aws:PrincipalOrgID, or name the role ARNs (list your own accounts in the trusted-accounts "
                     "option)";
        }
        context.report(principal.range, std::move(message), &statement, account);
      });
}

}  // namespace

extern const Rule account_trust_without_condition{
    {"PL401", "account-trust-without-condition", Severity::security, Category::cross_account,
     "A trust policy trusts a whole account without ExternalId, organization, ARN or MFA condition"},
    check,
};

}  // namespace policylint::rules
