// The set-level rules (RuleInput::policy_set) run through the same engine as
// per-document rules, so select/ignore and severity overrides apply to them
// too.
#include <algorithm>

#include "engine/rule_runner.hpp"
#include "policylint/guardrails.hpp"

namespace policylint {

std::vector<Finding> engine::run_set_rules(std::span<const Document> set, const Document& anchor,
                                           const Linter& linter) {
  std::vector<Finding> findings;
  rules::PolicySetContext context(set, anchor, linter.options(), findings);
  run_rules(linter, context, findings);
  return findings;
}

std::vector<Finding> check_guardrails(std::span<const Document> scps, const Linter& linter) {
  const auto first = std::find_if(scps.begin(), scps.end(), [](const Document& d) { return d.policy.has_value(); });
  if (first == scps.end()) {
    return {};
  }
  return engine::run_set_rules(scps, *first, linter);
}

}  // namespace policylint
