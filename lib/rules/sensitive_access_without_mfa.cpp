#include <algorithm>

#include "analysis/principal_analysis.hpp"
#include "analysis/public_access.hpp"
#include "analysis/mfa_conditions.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

// True when a Deny of the policy applies to every request made without MFA
// (BoolIfExists aws:MultiFactorAuthPresent false, as the force-MFA policy
// does), on every resource.
bool denies_without_mfa(const Statement& deny) {
  if (deny.effect != Effect::deny || deny.resources_negated() ||
      std::none_of(deny.resource.values.begin(), deny.resource.values.end(),
                   [](const Value& v) { return v.text == "*"; })) {
    return false;
  }
  // The Deny's only condition is that test, so it covers every request without MFA.
  return deny.condition.blocks.size() == 1 && deny.condition.blocks.front().entries.size() == 1 &&
         !analysis::mfa_bool_tests(deny, true, false).empty();
}

void check(PolicyContext& context) {
  if (!context.options().require_mfa || context.policy_type() != PolicyType::identity) {
    return;
  }
  const Policy& policy = context.policy();
  analysis::ActionSet mfa_enforced;
  for (const Statement& statement : policy.statements) {
    if (denies_without_mfa(statement)) {
      mfa_enforced |= context.facts().action_set_of(statement);
    }
  }
  const analysis::ActionSet sensitive = analysis::sensitive_actions(context.options());
  for (const Statement& statement : policy.statements) {
    if (statement.effect != Effect::allow || analysis::allow_pins(statement.condition).has(analysis::Pin::mfa)) {
      continue;
    }
    const analysis::ActionSet exposed = (context.facts().action_set_of(statement) & sensitive) - mfa_enforced;
    if (exposed.empty()) {
      continue;
    }
    context.report(statement.actions().key_range,
                   "MFA is required for sensitive access (require-mfa), but this statement allows " +
                       analysis::describe_access(exposed) +
                       " without it: add \"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}, or deny requests "
                       "without MFA as the force-MFA policy does (\"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": "
                       "\"false\"})",
                   &statement);
  }
}

}  // namespace

extern const Rule sensitive_access_without_mfa{
    {"PL434", "sensitive-access-without-mfa", Severity::warning, Category::mfa,
     "With require-mfa, a statement allows sensitive actions without an MFA condition"},
    check,
};

}  // namespace policylint::rules
