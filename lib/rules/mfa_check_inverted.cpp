#include "analysis/public_access.hpp"
#include "analysis/mfa_conditions.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  const analysis::ActionSet sensitive = analysis::sensitive_actions(context.options());
  for (const Statement& statement : context.policy().statements) {
    if (statement.effect != Effect::allow) {
      continue;
    }
    // Bool (temporary credentials without MFA) and BoolIfExists (long-term
    // keys too): either way the grant goes to the sessions without MFA.
    std::vector<const ConditionBlock*> inverted = analysis::mfa_bool_tests(statement, false, false);
    for (const ConditionBlock* block : analysis::mfa_bool_tests(statement, true, false)) {
      inverted.push_back(block);
    }
    if (inverted.empty() || !analysis::mfa_bool_tests(statement, false, true).empty() ||
        !analysis::mfa_bool_tests(statement, true, true).empty()) {
      continue;  // "true" and "false" together: multiple-boolean-values' finding
    }
    const analysis::ActionSet granted = context.facts().action_set_of(statement) & sensitive;
    if (granted.empty()) {
      continue;
    }
    context.report(inverted.front()->op_range,
                   "this statement allows " + analysis::describe_access(granted) +
                       " only when aws:MultiFactorAuthPresent is false: sessions without MFA get it and sessions "
                       "with MFA do not, the opposite of an MFA requirement; test for \"true\" "
                       "(\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"})",
                   &statement);
  }
}

}  // namespace

extern const Rule mfa_check_inverted{
    {"PL435", "mfa-check-inverted", Severity::security, Category::mfa,
     "An Allow grants sensitive actions only when aws:MultiFactorAuthPresent is false"},
    check,
};

}  // namespace policylint::rules
