#include "policylint/linter.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "policylint/version.hpp"
#include "rules/rule.hpp"

namespace policylint {
namespace {

// A selector names a rule by code, name, code prefix ("PL1") or category.
bool selector_matches(std::string_view selector, const RuleInfo& rule) noexcept {
  return equal_ignoring_case(selector, rule.name) || equal_ignoring_case(selector, to_string(rule.category)) ||
         (!selector.empty() && starts_with_ignoring_case(rule.code, selector));
}

bool any_selector_matches(const std::vector<std::string>& selectors, const RuleInfo& rule) noexcept {
  return std::any_of(selectors.begin(), selectors.end(),
                     [&](const std::string& selector) { return selector_matches(selector, rule); });
}

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

std::size_t SizeLimits::for_type(PolicyType type) const noexcept {
  switch (type) {
    case PolicyType::identity: return identity;
    case PolicyType::resource: return resource;
    case PolicyType::trust: return trust;
    case PolicyType::scp: return scp;
    case PolicyType::rcp: return rcp;
    case PolicyType::boundary: return boundary;
    case PolicyType::session: return session;
    case PolicyType::endpoint: return endpoint;
  }
  return identity;
}

bool size_counts_whitespace(PolicyType type) noexcept {
  return type == PolicyType::scp || type == PolicyType::rcp || type == PolicyType::endpoint;
}

Linter::Linter(LintOptions options) : options_(std::move(options)) {}

bool Linter::enabled(const RuleInfo& rule) const noexcept {
  if (!options_.select.empty() && !any_selector_matches(options_.select, rule)) {
    return false;
  }
  return !any_selector_matches(options_.ignore, rule);
}

LintResult Linter::lint(std::string name, std::string bytes) const {
  return lint(parse_document(std::move(name), std::move(bytes), options_.parse_limits));
}

LintResult Linter::lint(Document document) const {
  LintResult result;
  result.file = document.name;
  result.source = document.source;
  result.parsed = document.policy.has_value();
  if (options_.policy_type) {
    result.policy_type = *options_.policy_type;
  } else {
    result.policy_type = document.policy ? detect_policy_type(*document.policy) : PolicyType::identity;
    result.policy_type_detected = true;
  }
  rules::RuleContext context(document, result.policy_type, options_, result.findings);
  if (document.policy) {
    rules::run_rules(*this, context, {rules::RuleInput::document, rules::RuleInput::policy}, result.findings);
  } else {
    rules::run_rules(*this, context, {rules::RuleInput::document}, result.findings);
  }
  return result;
}

void rules::run_rules(const Linter& linter, RuleContext& context, std::initializer_list<RuleInput> inputs,
                      std::vector<Finding>& findings) {
  for (const Rule* rule : registry()) {
    if (std::find(inputs.begin(), inputs.end(), rule->input) == inputs.end() || !linter.enabled(rule->info)) {
      continue;
    }
    context.set_rule(rule->info);
    rule->check(context);
  }
  apply_severity_overrides(linter.options(), findings);
  std::stable_sort(findings.begin(), findings.end(), reported_before);
}

}  // namespace policylint
