#include "analysis/coverage.hpp"

#include <algorithm>

#include "analysis/policy_variables.hpp"
#include "core/text.hpp"
#include "policylint/glob.hpp"

namespace policylint::analysis {

bool action_entry_covers(PolicyFacts& facts, const Value& general, const Value& specific) {
  if (general.kind != JsonKind::string || specific.kind != JsonKind::string) {
    return false;
  }
  if (equal_ignoring_case(general.text, specific.text)) {
    return true;
  }
  const auto actions = facts.actions_of(specific);
  // Quick answers before testing every action: a literal covers one action
  // at most, and a fixed service prefix only its own service.
  if (!has_wildcard(general.text) && actions.size() != 1) {
    return false;
  }
  const std::string_view general_service = std::string_view(general.text).substr(0, general.text.find(':'));
  const std::string_view specific_service = std::string_view(specific.text).substr(0, specific.text.find(':'));
  if (!has_wildcard(general_service) && !has_wildcard(specific_service) &&
      !equal_ignoring_case(general_service, specific_service)) {
    return false;
  }
  return !actions.empty() && std::all_of(actions.begin(), actions.end(), [&](catalog::ActionView action) {
           return catalog::matches(general.text, action);
         });
}

bool resource_entry_covers(std::string_view general, std::string_view specific) noexcept {
  if (general == specific) {
    return true;
  }
  if (has_policy_variable(general) || has_policy_variable(specific)) {
    return false;
  }
  // Matching the specific pattern as text is exact when the general one has
  // no `?`: its `*` also stands for the specific one's wildcards. A `?` would
  // take a `*` for one character.
  if (general.find('?') != std::string_view::npos && has_wildcard(specific)) {
    return false;
  }
  return glob_match(general, specific, CaseSensitivity::sensitive);
}

}  // namespace policylint::analysis
