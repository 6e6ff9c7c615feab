#include "analysis/coverage.hpp"

#include <algorithm>

#include "analysis/policy_variables.hpp"
#include "catalog/name_hash.hpp"
#include "core/text.hpp"
#include "policylint/glob.hpp"

namespace policylint::analysis {
namespace {

// Below this many entries, testing every pair is cheaper than indexing.
constexpr std::size_t kIndexedListSize = 16;

}  // namespace

bool action_entry_covers(PolicyFacts& facts, const Value& general, const Value& specific) {
  return action_entry_covers(general, facts.action_entry(general), specific, facts.action_entry(specific));
}

bool action_entry_covers(const Value& general, const ActionEntry& general_facts, const Value& specific,
                         const ActionEntry& specific_facts) {
  if (general.kind != JsonKind::string || specific.kind != JsonKind::string) {
    return false;
  }
  if (equal_ignoring_case(general.text, specific.text)) {
    return true;
  }
  // Quick answers before testing actions: two literals name the same action
  // only when spelled the same, a fixed service prefix covers only its own
  // service, and a literal covers one action at most.
  if (!general_facts.wildcard && !specific_facts.wildcard) {
    return false;
  }
  if (general_facts.service && specific_facts.service && *general_facts.service != *specific_facts.service) {
    return false;
  }
  const std::span<const catalog::ActionView> actions = specific_facts.actions;
  if (!general_facts.wildcard && actions.size() != 1) {
    return false;
  }
  return !actions.empty() && std::all_of(actions.begin(), actions.end(), [&](catalog::ActionView action) {
    return catalog::matches(general.text, action);
  });
}

CoveringCandidates::CoveringCandidates(PolicyFacts& facts, std::size_t size)
    : facts_(facts), size_(size), indexed_(size > kIndexedListSize) {}

CoveringCandidates::CoveringCandidates(PolicyFacts& facts, std::span<const Value> entries)
    : CoveringCandidates(facts, entries.size()) {
  for (std::size_t i = 0; indexed_ && i < entries.size(); ++i) {
    add(static_cast<std::uint32_t>(i), entries[i]);
  }
  sort_index();
}

CoveringCandidates::CoveringCandidates(PolicyFacts& facts, std::span<const Value* const> entries)
    : CoveringCandidates(facts, entries.size()) {
  for (std::size_t i = 0; indexed_ && i < entries.size(); ++i) {
    add(static_cast<std::uint32_t>(i), *entries[i]);
  }
  sort_index();
}

// An entry covers another when it is spelled the same, or when it matches all
// the other's actions. Matching an action needs, without wildcards, naming
// exactly that action; with wildcards, a wildcard of a known service matches
// only that service's actions. The index keeps each entry under the one key
// it can cover by; other wildcards (of any service, or malformed) are
// candidates for all.
void CoveringCandidates::add(std::uint32_t index, const Value& entry) {
  if (entry.kind != JsonKind::string) {
    return;  // covers nothing
  }
  by_text_.push_back(Spelled{catalog::detail::name_hash(entry.text), index, entry.text});
  const ActionEntry& facts = facts_.action_entry(entry);
  if (!facts.wildcard) {
    return;  // covers only entries matching its one action, found by its spelling
  }
  if (facts.service) {
    by_service_.push_back(Filed{facts.service->index(), index});
  } else {
    any_service_.push_back(index);
  }
}

void CoveringCandidates::sort_index() {
  std::sort(by_text_.begin(), by_text_.end());
  std::sort(by_service_.begin(), by_service_.end());
}

std::span<const CoveringCandidates::Spelled> CoveringCandidates::spelled(std::string_view text) const {
  const auto [first, last] = std::equal_range(by_text_.begin(), by_text_.end(),
                                             Spelled{catalog::detail::name_hash(text), 0, {}},
                                             [](const Spelled& a, const Spelled& b) { return a.hash < b.hash; });
  return {first, last};
}

CoveringCandidates::Ranges CoveringCandidates::ranges(const Value& specific) const {
  Ranges ranges;
  if (specific.kind != JsonKind::string) {
    return ranges;
  }
  ranges.spelled = spelled(specific.text);
  const ActionEntry& facts = facts_.action_entry(specific);
  const std::span<const catalog::ActionView> actions = facts.actions;
  if (actions.empty()) {
    return ranges;
  }
  if (actions.size() == 1 && facts.wildcard) {
    ranges.action_name = actions.front().name();  // a literal naming its one action
    ranges.spelled_action = spelled(ranges.action_name);
  }
  const auto [first, last] = std::equal_range(by_service_.begin(), by_service_.end(),
                                             Filed{actions.front().service().index(), 0},
                                             [](const Filed& a, const Filed& b) { return a.key < b.key; });
  ranges.same_service = {first, last};
  ranges.any_service = any_service_;
  return ranges;
}

void CoveringCandidates::find(const Value& specific, std::vector<std::size_t>& out) const {
  out.clear();
  if (!indexed_) {
    for (std::size_t i = 0; i < size_; ++i) {
      out.push_back(i);
    }
    return;
  }
  const Ranges found = ranges(specific);
  const auto add_spelled = [&](std::span<const Spelled> entries, std::string_view text) {
    for (const Spelled& entry : entries) {
      if (equal_ignoring_case(entry.text, text)) {
        out.push_back(entry.entry);
      }
    }
  };
  add_spelled(found.spelled, specific.text);
  add_spelled(found.spelled_action, found.action_name);
  for (const Filed& entry : found.same_service) {
    out.push_back(entry.entry);
  }
  out.insert(out.end(), found.any_service.begin(), found.any_service.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

std::size_t CoveringCandidates::count(const Value& specific) const {
  if (!indexed_) {
    return size_;
  }
  const Ranges found = ranges(specific);
  return found.spelled.size() + found.spelled_action.size() + found.same_service.size() + found.any_service.size();
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
