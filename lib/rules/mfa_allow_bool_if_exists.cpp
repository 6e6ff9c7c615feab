#include "analysis/mfa_conditions.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  for (const Statement& statement : context.policy().statements) {
    if (statement.effect != Effect::allow) {
      continue;
    }
    for (const ConditionBlock* block : analysis::mfa_bool_tests(statement, true, true)) {
      context.report(block->op_range,
                     "\"BoolIfExists\" is true when the key is absent, and requests signed with long-term access keys "
                     "carry no aws:MultiFactorAuthPresent key: this Allow lets them through without MFA; use \"Bool\" "
                     "to require an MFA session",
                     &statement, "aws:MultiFactorAuthPresent");
    }
  }
}

}  // namespace

extern const Rule mfa_allow_bool_if_exists{
    {"PL431", "mfa-allow-bool-if-exists", Severity::security, Category::mfa,
     "An Allow requires MFA with BoolIfExists, which long-term keys satisfy without MFA"},
    check,
};

}  // namespace policylint::rules
