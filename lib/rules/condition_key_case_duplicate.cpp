#include <string>
#include <unordered_map>
#include <vector>

#include "text/text.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

/// The first entries of one key (ignoring case) in a block: the first
/// written, and the first spelled otherwise than it.
struct FirstSpellings {
  const ConditionEntry* first;
  const ConditionEntry* first_other = nullptr;
};

/// The first entry before `entries[i]` with its key spelled otherwise, if
/// any (exact duplicates are duplicate-key's finding), found by scanning:
/// for the usual handful of keys, cheaper than a map.
const ConditionEntry* scanned_earlier(const std::vector<ConditionEntry>& entries, std::size_t i) {
  for (std::size_t j = 0; j < i; ++j) {
    if (entries[j].key != entries[i].key && equal_ignoring_case(entries[j].key, entries[i].key)) {
      return &entries[j];
    }
  }
  return nullptr;
}

/// The same, for the entries of a block in order, through the first
/// spellings of each key: a block of thousands of keys is not scanned for each.
const ConditionEntry* indexed_earlier(std::unordered_map<std::string, FirstSpellings>& by_key,
                                      const ConditionEntry& entry) {
  const auto [found, added] = by_key.try_emplace(to_lower(entry.key), FirstSpellings{&entry});
  if (added) {
    return nullptr;
  }
  FirstSpellings& spellings = found->second;
  const ConditionEntry* earlier = spellings.first->key != entry.key ? spellings.first : spellings.first_other;
  if (spellings.first_other == nullptr && spellings.first->key != entry.key) {
    spellings.first_other = &entry;
  }
  return earlier;
}

void check(PolicyContext& context) {
  constexpr std::size_t kScannedAtMost = 16;
  std::unordered_map<std::string, FirstSpellings> by_key;
  for (const Statement& statement : context.policy().statements) {
    for (const ConditionBlock& block : statement.condition.blocks) {
      by_key.clear();
      for (std::size_t i = 0; i < block.entries.size(); ++i) {
        const ConditionEntry& entry = block.entries[i];
        const ConditionEntry* earlier =
            block.entries.size() <= kScannedAtMost ? scanned_earlier(block.entries, i) : indexed_earlier(by_key, entry);
        if (earlier == nullptr) {
          continue;
        }
        Finding& finding = context.report(entry.key_range,
                                          "\"" + entry.key + "\" and \"" + earlier->key +
                                              "\" are the same condition key (key names ignore "
                                              "case), written twice under " +
                                              block.op + "; merge their values under one key",
                                          &statement, entry.key);
        finding.related.push_back(RelatedLocation{earlier->key_range, "first written here"});
      }
    }
  }
}

}  // namespace

extern const Rule condition_key_case_duplicate{
    {"PL223", "condition-key-case-duplicate", Severity::error, Category::validity,
     "The same condition key twice in one operator block, differing only in case"},
    check,
};

}  // namespace policylint::rules
