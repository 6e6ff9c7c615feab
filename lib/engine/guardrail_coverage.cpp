// check_guardrails: runs the rules that judge a set of SCPs together
// (RuleInput::policy_set) through the same engine as per-document rules, so
// select/ignore and severity overrides apply to them too.
#include <algorithm>

#include "policylint/guardrails.hpp"
#include "rules/rule.hpp"

namespace policylint {

std::vector<Finding> check_guardrails(std::span<const Document> scps, const Linter& linter) {
  std::vector<Finding> findings;
  const auto first = std::find_if(scps.begin(), scps.end(), [](const Document& d) { return d.policy.has_value(); });
  if (first == scps.end()) {
    return findings;
  }
  rules::RuleContext context(*first, PolicyType::scp, linter.options(), findings);
  context.set_policy_set(scps);
  rules::run_rules(linter, context, {rules::RuleInput::policy_set}, findings);
  return findings;
}

}  // namespace policylint
