#include "policylint/linter.hpp"

#include <algorithm>

#include "policylint/policy_type_guess.hpp"
#include "policylint/version.hpp"
#include "engine/rule_runner.hpp"

namespace policylint {
namespace {

void apply_severity_overrides(const LintOptions& options, std::vector<Finding>& findings) {
  if (options.severity_overrides.empty()) {
    return;
  }
  for (Finding& finding : findings) {
    auto found = options.severity_overrides.find(finding.code);
    if (found == options.severity_overrides.end()) {
      found = options.severity_overrides.find(finding.name);
    }
    if (found != options.severity_overrides.end()) {
      finding.severity = found->second;
    }
  }
}

}  // namespace

const char* version() noexcept { return POLICYLINT_VERSION_STRING; }

Linter::Linter(LintOptions options) : options_(std::move(options)), selection_(options_.select, options_.ignore) {}

LintResult Linter::lint(std::string name, std::string bytes) const {
  return lint(parse_document(std::move(name), std::move(bytes), options_.parse_limits));
}

LintResult Linter::lint(const Document& document) const {
  LintResult result;
  result.file = document.name;
  result.source = document.source;
  result.parsed = document.policy.has_value();
  if (options_.policy_type) {
    result.policy_type = *options_.policy_type;
  } else {
    result.policy_type_detected = true;
    if (document.policy) {
      const PolicyTypeGuess guess = guess_policy_type(*document.policy);
      result.policy_type = guess.type;
      result.policy_type_ambiguous = guess.ambiguous;
      result.policy_type_basis = guess.basis;
    }
  }
  if (document.policy) {
    rules::PolicyContext context(document, result.policy_type, options_, result.findings);
    engine::run_rules(*this, context, result.findings);
  } else {
    rules::DocumentContext context(document, result.policy_type, options_, result.findings);
    engine::run_rules(*this, context, result.findings);
  }
  return result;
}

void engine::finish_findings(const Linter& linter, std::vector<Finding>& findings) {
  apply_severity_overrides(linter.options(), findings);
  std::stable_sort(findings.begin(), findings.end(), reported_before);
}

bool engine::any_rule_selected(const Linter& linter, rules::RuleInput input) {
  const auto registry = rules::registry();
  return std::any_of(registry.begin(), registry.end(), [&](const rules::Rule* rule) {
    return rule->input() == input && linter.selection().selects(rule->info);
  });
}

}  // namespace policylint
