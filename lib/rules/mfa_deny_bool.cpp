#include "analysis/condition_operator.hpp"
#include "analysis/condition_values.hpp"
#include "analysis/principal_analysis.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(RuleContext& context) {
  for (const Statement& statement : context.policy().statements) {
    if (statement.effect != Effect::deny) {
      continue;
    }
    for (const auto& [block, entry] : analysis::entries_on(statement.condition, "aws:MultiFactorAuthPresent")) {
      const auto op = analysis::parse_condition_operator(block->op);
      if (!op || op->base->name != "Bool" || op->if_exists || op->set != analysis::SetQualifier::none) {
        continue;
      }
      for (const Value& value : entry->values.values) {
        if (analysis::parse_bool(value.text) == std::optional(false)) {
          context.report(block->op_range,
                         "requests signed with long-term access keys carry no aws:MultiFactorAuthPresent key, so "
                         "\"Bool\" is false for them and this Deny never applies: they get through without MFA; use "
                         "\"BoolIfExists\"",
                         &statement, "aws:MultiFactorAuthPresent");
          break;
        }
      }
    }
  }
}

}  // namespace

extern const Rule mfa_deny_bool{
    {"PL430", "mfa-deny-bool", Severity::security, Category::mfa,
     "A Deny tests aws:MultiFactorAuthPresent with Bool, which long-term keys bypass"},
    RuleInput::policy,
    check,
};

}  // namespace policylint::rules
