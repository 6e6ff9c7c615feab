#include "analysis/condition_operator.hpp"
#include "analysis/condition_values.hpp"
#include "analysis/principal_analysis.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

// What a Null test on aws:MultiFactorAuthPresent really does, by effect and value.
std::string_view consequence(Effect effect, bool absent) {
  if (effect == Effect::deny) {
    return absent ? "this Deny catches long-term access keys but lets temporary credentials obtained without MFA "
                    "through"
                  : "this Deny hits every temporary credential, MFA or not";
  }
  return absent ? "this Allow admits only long-term access keys, none of which used MFA"
                : "this Allow admits any temporary credentials, whether or not MFA was used";
}

void check(PolicyContext& context) {
  for (const Statement& statement : context.policy().statements) {
    if (statement.effect != Effect::allow && statement.effect != Effect::deny) {
      continue;
    }
    for (const auto& [block, entry] : analysis::entries_on(statement.condition, "aws:MultiFactorAuthPresent")) {
      const auto op = analysis::parse_condition_operator(block->op);
      if (!op || op->base->family != analysis::OperatorFamily::null || entry->values.values.empty()) {
        continue;
      }
      const auto absent = analysis::parse_bool(entry->values.values.front().text);
      if (!absent) {
        continue;
      }
      const std::string_view fix = statement.effect == Effect::deny
                                       ? "deny with \"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}"
                                       : "allow with \"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}";
      context.report(block->op_range,
                     "\"Null\" on aws:MultiFactorAuthPresent tests whether the credentials are temporary, not "
                     "whether MFA was used: " + std::string(consequence(statement.effect, *absent)) + "; " +
                         std::string(fix),
                     &statement, "aws:MultiFactorAuthPresent");
    }
  }
}

}  // namespace

extern const Rule mfa_null_check{
    {"PL432", "mfa-null-check", Severity::warning, Category::mfa,
     "A Null condition on aws:MultiFactorAuthPresent does not test MFA"},
    check,
};

}  // namespace policylint::rules
