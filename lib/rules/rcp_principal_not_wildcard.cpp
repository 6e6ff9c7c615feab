#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  if (context.policy_type() != PolicyType::rcp) {
    return;
  }
  for (const Statement& statement : context.policy().statements) {
    const PrincipalElement& principal = statement.principal;
    if (principal.present && !principal.wildcard) {
      context.report(principal.value_range,
                     "an RCP's Principal must be \"*\": AWS Organizations rejects any other value; to exempt or "
                     "target principals, keep \"*\" and add a condition on aws:PrincipalArn, aws:PrincipalOrgID or "
                     "aws:PrincipalAccount",
                     &statement);
    }
  }
}

}  // namespace

extern const Rule rcp_principal_not_wildcard{
    {"PL421", "rcp-principal-not-wildcard", Severity::error, Category::validity,
     "A resource control policy names a Principal other than \"*\""},
    check,
};

}  // namespace policylint::rules
