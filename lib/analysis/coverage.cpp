#include "analysis/coverage.hpp"

#include <algorithm>
#include <bit>

#include "analysis/policy_variables.hpp"
#include "catalog/name_hash.hpp"
#include "text/text.hpp"
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
  build_index();
}

CoveringCandidates::CoveringCandidates(PolicyFacts& facts, std::span<const Value* const> entries)
    : CoveringCandidates(facts, entries.size()) {
  for (std::size_t i = 0; indexed_ && i < entries.size(); ++i) {
    add(static_cast<std::uint32_t>(i), *entries[i]);
  }
  build_index();
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
  spelled_.push_back(Spelled{catalog::detail::name_hash(entry.text), index, entry.text});
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

void CoveringCandidates::build_index() {
  if (!spelled_.empty()) {
    spelled_slots_.assign(std::bit_ceil(spelled_.size() * 2), 0);
    const std::size_t mask = spelled_slots_.size() - 1;
    for (std::uint32_t i = 0; i < spelled_.size(); ++i) {
      std::size_t slot = spelled_[i].hash & mask;
      while (spelled_slots_[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      spelled_slots_[slot] = i + 1;
    }
  }
  std::sort(by_service_.begin(), by_service_.end());
}

template <class Visit>
void CoveringCandidates::for_each_spelled(std::string_view text, Visit visit) const {
  if (spelled_slots_.empty()) {
    return;
  }
  const std::uint32_t hash = catalog::detail::name_hash(text);
  const std::size_t mask = spelled_slots_.size() - 1;
  for (std::size_t slot = hash & mask; spelled_slots_[slot] != 0; slot = (slot + 1) & mask) {
    const Spelled& entry = spelled_[spelled_slots_[slot] - 1];
    if (entry.hash == hash) {
      visit(entry);
    }
  }
}

CoveringCandidates::Ranges CoveringCandidates::ranges(const Value& specific) const {
  Ranges ranges;
  const ActionEntry& facts = facts_.action_entry(specific);
  const std::span<const catalog::ActionView> actions = facts.actions;
  if (actions.empty()) {
    return ranges;
  }
  if (actions.size() == 1 && facts.wildcard) {
    ranges.action_name = actions.front().name();  // a literal naming its one action
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
  if (specific.kind != JsonKind::string) {
    return;
  }
  const Ranges found = ranges(specific);
  const auto add_spelled = [&](std::string_view text) {
    for_each_spelled(text, [&](const Spelled& entry) {
      if (equal_ignoring_case(entry.text, text)) {
        out.push_back(entry.entry);
      }
    });
  };
  add_spelled(specific.text);
  if (!found.action_name.empty()) {
    add_spelled(found.action_name);
  }
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
  if (specific.kind != JsonKind::string) {
    return 0;
  }
  const Ranges found = ranges(specific);
  std::size_t spelled = 0;
  const auto count_spelled = [&](const Spelled&) { ++spelled; };
  for_each_spelled(specific.text, count_spelled);
  if (!found.action_name.empty()) {
    for_each_spelled(found.action_name, count_spelled);
  }
  return spelled + found.same_service.size() + found.any_service.size();
}

bool resource_entry_covers(std::string_view general, std::string_view specific) noexcept {
  if (general == specific) {
    return true;
  }
  // The glob test first: most pairs of entries differ early, and a failed
  // test reads no further. Then the cases where matching as text is not
  // exact: entries with policy variables cover only their own spelling, and
  // a `?` in the general pattern would take a `*` of the specific one for
  // one character (a `*` stands for the specific one's wildcards too).
  if (!glob_match(general, specific, CaseSensitivity::sensitive)) {
    return false;
  }
  if (has_policy_variable(general) || has_policy_variable(specific)) {
    return false;
  }
  return general.find('?') == std::string_view::npos || !has_wildcard(specific);
}

}  // namespace policylint::analysis
