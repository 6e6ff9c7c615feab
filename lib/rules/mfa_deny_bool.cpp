#include "analysis/mfa_conditions.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  for (const Statement& statement : context.policy().statements) {
    if (statement.effect != Effect::deny) {
      continue;
    }
    for (const ConditionBlock* block : analysis::mfa_bool_tests(statement, false, false)) {
      context.report(block->op_range,
                     "requests signed with long-term access keys carry no aws:MultiFactorAuthPresent key, so \"Bool\" "
                     "is false for them and this Deny never applies: they get through without MFA; use "
                     "\"BoolIfExists\"",
                     &statement, "aws:MultiFactorAuthPresent");
    }
  }
}

}  // namespace

extern const Rule mfa_deny_bool{
    {"PL430", "mfa-deny-bool", Severity::security, Category::mfa,
     "A Deny tests aws:MultiFactorAuthPresent with Bool, which long-term keys bypass"},
    check,
};

}  // namespace policylint::rules
