#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  if (context.policy_type() != PolicyType::rcp) {
    return;
  }
  for (const Statement& statement : context.policy().statements) {
    if (statement.effect == Effect::allow) {
      context.report(statement.effect_element.value.range,
                     "resource control policies may only deny: AWS Organizations rejects an Allow in a customer RCP "
                     "(the only Allow is the AWS-managed RCPFullAWSAccess, attached everywhere already); write the "
                     "guardrail as a Deny with a condition for the exceptions",
                     &statement);
    }
  }
}

}  // namespace

extern const Rule rcp_allow{
    {"PL420", "rcp-allow", Severity::error, Category::validity, "A resource control policy has an Allow statement"},
    check,
};

}  // namespace policylint::rules
