// What a rule selector names, and which rules a selection runs.
#include <algorithm>

#include "policylint/options.hpp"
#include "text/text.hpp"

namespace policylint {
namespace {

bool any_selector_matches(const std::vector<std::string>& selectors, const RuleInfo& rule) noexcept {
  return std::any_of(selectors.begin(), selectors.end(),
                     [&](const std::string& selector) { return selector_matches(selector, rule); });
}

}  // namespace

bool selector_matches(std::string_view selector, const RuleInfo& rule) noexcept {
  return equal_ignoring_case(selector, rule.name) || equal_ignoring_case(selector, to_string(rule.category)) ||
         (!selector.empty() && starts_with_ignoring_case(rule.code, selector));
}

bool selects_any_rule(std::string_view selector) {
  const std::vector<const RuleInfo*> rules = all_rules();
  return std::any_of(rules.begin(), rules.end(),
                     [&](const RuleInfo* rule) { return selector_matches(selector, *rule); });
}

RuleSelection::RuleSelection(std::vector<std::string> select, std::vector<std::string> ignore)
    : select_(std::move(select)), ignore_(std::move(ignore)) {}

bool RuleSelection::selects(const RuleInfo& rule) const noexcept {
  if (!select_.empty() && !any_selector_matches(select_, rule)) {
    return false;
  }
  return !any_selector_matches(ignore_, rule);
}

}  // namespace policylint
