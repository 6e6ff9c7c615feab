#include "analysis/coverage.hpp"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <unordered_map>

#include "analysis/glob_relations.hpp"
#include "analysis/policy_variables.hpp"
#include "analysis/redundancy.hpp"
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
  std::sort(spelled_.begin(), spelled_.end());
  std::sort(by_service_.begin(), by_service_.end());
}

std::span<const CoveringCandidates::Spelled> CoveringCandidates::spelled(std::string_view text) const {
  const std::uint32_t hash = catalog::detail::name_hash(text);
  const auto [first, last] = std::equal_range(spelled_.begin(), spelled_.end(), Spelled{hash, 0, {}},
                                             [](const Spelled& a, const Spelled& b) { return a.hash < b.hash; });
  return {first, last};
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
    for (const Spelled& entry : spelled(text)) {
      if (equal_ignoring_case(entry.text, text)) {
        out.push_back(entry.entry);
      }
    }
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
  const std::size_t spelled_like = spelled(specific.text).size() +
                                   (found.action_name.empty() ? 0 : spelled(found.action_name).size());
  return spelled_like + found.same_service.size() + found.any_service.size();
}

namespace {

/// A polynomial hash, fed one character at a time, so that a query hashes
/// all its prefixes (or suffixes) in one pass.
constexpr std::uint64_t kEndHashBase = 0x100000001b3ULL;

constexpr std::uint64_t extend_hash(std::uint64_t hash, char c) noexcept {
  return hash * kEndHashBase + static_cast<unsigned char>(c) + 1;
}

std::uint64_t text_hash(std::string_view text) noexcept {
  std::uint64_t hash = 0;
  for (const char c : text) {
    hash = extend_hash(hash, c);
  }
  return hash;
}

/// The hash of `text`'s first `size` characters, or of its last read backwards.
std::uint64_t end_hash(std::string_view text, std::size_t size, bool suffix) noexcept {
  std::uint64_t hash = 0;
  for (std::size_t i = 0; i < size; ++i) {
    hash = extend_hash(hash, suffix ? text[text.size() - 1 - i] : text[i]);
  }
  return hash;
}

}  // namespace

ResourceCandidates::ResourceCandidates(std::span<const std::string_view> texts)
    : texts_(texts), indexed_(texts.size() > kIndexedListSize) {
  if (!indexed_) {
    return;
  }
  spelled_.reserve(texts.size());
  for (std::uint32_t i = 0; i < texts.size(); ++i) {
    const std::string_view text = texts[i];
    spelled_.push_back(Filed{text_hash(text), i});
    // A pattern with a policy variable covers only its own spelling.
    const std::size_t first = text.find_first_of("*?");
    if (first == std::string_view::npos || has_policy_variable(text)) {
      continue;
    }
    const std::size_t after_last = text.find_last_of("*?") + 1;
    prefixes_.filed.push_back(Filed{end_hash(text, first, false), i});
    prefixes_.sizes.push_back(static_cast<std::uint32_t>(first));
    suffixes_.filed.push_back(Filed{end_hash(text, text.size() - after_last, true), i});
    suffixes_.sizes.push_back(static_cast<std::uint32_t>(text.size() - after_last));
  }
  std::sort(spelled_.begin(), spelled_.end());
  for (Ends* ends : {&prefixes_, &suffixes_}) {
    std::sort(ends->filed.begin(), ends->filed.end());
    std::sort(ends->sizes.begin(), ends->sizes.end());
    ends->sizes.erase(std::unique(ends->sizes.begin(), ends->sizes.end()), ends->sizes.end());
  }
}

std::span<const ResourceCandidates::Filed> ResourceCandidates::filed_under(const std::vector<Filed>& filed,
                                                                         std::uint64_t hash) {
  const auto [first, last] = std::equal_range(filed.begin(), filed.end(), Filed{hash, 0},
                                             [](const Filed& a, const Filed& b) { return a.hash < b.hash; });
  return {first, last};
}

template <class Visit>
void ResourceCandidates::for_each_end(const Ends& ends, bool suffix, std::string_view specific, Visit visit) const {
  std::uint64_t hash = 0;
  std::size_t hashed = 0;
  for (const std::uint32_t size : ends.sizes) {
    if (size > specific.size()) {
      break;
    }
    for (; hashed < size; ++hashed) {
      hash = extend_hash(hash, suffix ? specific[specific.size() - 1 - hashed] : specific[hashed]);
    }
    visit(filed_under(ends.filed, hash));
  }
}

std::size_t ResourceCandidates::count_ends(const Ends& ends, bool suffix, std::string_view specific) const {
  std::size_t count = 0;
  for_each_end(ends, suffix, specific, [&](std::span<const Filed> found) { count += found.size(); });
  return count;
}

std::size_t ResourceCandidates::count_spelled(std::string_view specific) const {
  return filed_under(spelled_, text_hash(specific)).size();
}

std::size_t ResourceCandidates::count(std::string_view specific) const {
  if (!indexed_) {
    return texts_.size();
  }
  const std::size_t spelled = count_spelled(specific);
  if (has_policy_variable(specific)) {
    return spelled;
  }
  return spelled + std::min(count_ends(prefixes_, false, specific), count_ends(suffixes_, true, specific));
}

void ResourceCandidates::find(std::string_view specific, std::vector<std::size_t>& out) const {
  out.clear();
  if (!indexed_) {
    for (std::size_t i = 0; i < texts_.size(); ++i) {
      out.push_back(i);
    }
    return;
  }
  for (const Filed& entry : filed_under(spelled_, text_hash(specific))) {
    out.push_back(entry.entry);
  }
  if (!has_policy_variable(specific)) {
    const bool by_suffix = count_ends(suffixes_, true, specific) < count_ends(prefixes_, false, specific);
    for_each_end(by_suffix ? suffixes_ : prefixes_, by_suffix, specific, [&](std::span<const Filed> found) {
      for (const Filed& entry : found) {
        out.push_back(entry.entry);
      }
    });
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

std::vector<std::optional<std::size_t>> covering_actions(PolicyFacts& facts, std::span<const Value> entries) {
  if (entries.size() <= kIndexedListSize) {
    return pairwise_first_covering(entries.size(), [&](std::size_t general, std::size_t specific) {
      return action_entry_covers(facts, entries[general], entries[specific]);
    });
  }
  // Entries spelled the same ignoring case cover each other and the same
  // others (the catalog ignores case): one class each.
  EntryClasses classes;
  std::vector<const Value*> spellings;  // per class, its first entry
  struct HashIgnoringCase {
    std::size_t operator()(std::string_view text) const noexcept { return catalog::detail::name_hash(text); }
  };
  struct EqualIgnoringCase {
    bool operator()(std::string_view a, std::string_view b) const noexcept { return equal_ignoring_case(a, b); }
  };
  std::unordered_map<std::string_view, std::uint32_t, HashIgnoringCase, EqualIgnoringCase> class_of_spelling;
  for (const Value& entry : entries) {
    if (entry.kind != JsonKind::string) {
      classes.add(std::nullopt);  // covers nothing and is covered by nothing
      continue;
    }
    const auto [found, added] =
        class_of_spelling.emplace(entry.text, static_cast<std::uint32_t>(spellings.size()));
    if (added) {
      spellings.push_back(&entry);
    }
    classes.add(found->second);
  }
  std::vector<const ActionEntry*> entry_facts;
  entry_facts.reserve(spellings.size());
  for (const Value* spelling : spellings) {
    entry_facts.push_back(&facts.action_entry(*spelling));
  }
  const CoveringCandidates index(facts, spellings);
  return first_covering(
      classes, [&](std::size_t c, std::vector<std::size_t>& out) { index.find(*spellings[c], out); },
      [&](std::size_t u, std::size_t c) {
        return action_entry_covers(*spellings[u], *entry_facts[u], *spellings[c], *entry_facts[c]);
      });
}

std::vector<std::optional<std::size_t>> covering_resources(std::span<const Value> entries) {
  if (entries.size() <= kIndexedListSize) {
    return pairwise_first_covering(entries.size(), [&](std::size_t general, std::size_t specific) {
      return entries[general].kind == JsonKind::string && entries[specific].kind == JsonKind::string &&
             resource_entry_covers(entries[general].text, entries[specific].text);
    });
  }
  // Entries spelled the same (ARNs are matched case-sensitively): one class each.
  EntryClasses classes;
  std::vector<std::string_view> spellings;
  std::unordered_map<std::string_view, std::uint32_t> class_of_spelling;
  for (const Value& entry : entries) {
    if (entry.kind != JsonKind::string) {
      classes.add(std::nullopt);
      continue;
    }
    const auto [found, added] =
        class_of_spelling.emplace(entry.text, static_cast<std::uint32_t>(spellings.size()));
    if (added) {
      spellings.push_back(entry.text);
    }
    classes.add(found->second);
  }
  const ResourceCandidates index(spellings);
  return first_covering(
      classes, [&](std::size_t c, std::vector<std::size_t>& out) { index.find(spellings[c], out); },
      [&](std::size_t u, std::size_t c) { return resource_entry_covers(spellings[u], spellings[c]); });
}

bool resource_entry_covers(std::string_view general, std::string_view specific) noexcept {
  if (general == specific) {
    return true;
  }
  // The pattern test first: most pairs of entries differ early. Entries
  // with policy variables cover only their own spelling.
  return glob_covers(general, specific) && !has_policy_variable(general) && !has_policy_variable(specific);
}

}  // namespace policylint::analysis
