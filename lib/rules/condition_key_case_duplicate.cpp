#include <string>
#include <unordered_map>

#include "core/text.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

/// The first entries of one key (ignoring case) in a block: the first
/// written, and the first spelled otherwise than it.
struct FirstSpellings {
  const ConditionEntry* first;
  const ConditionEntry* first_other = nullptr;
};

void check(RuleContext& context) {
  std::unordered_map<std::string, FirstSpellings> by_key;
  for (const Statement& statement : context.policy().statements) {
    for (const ConditionBlock& block : statement.condition.blocks) {
      by_key.clear();
      for (const ConditionEntry& entry : block.entries) {
        const auto [found, added] = by_key.try_emplace(to_lower(entry.key), FirstSpellings{&entry});
        if (added) {
          continue;
        }
        // The first earlier entry spelled otherwise (exact duplicates are
        // duplicate-key's finding).
        FirstSpellings& spellings = found->second;
        const ConditionEntry* earlier = spellings.first->key != entry.key ? spellings.first : spellings.first_other;
        if (spellings.first_other == nullptr && spellings.first->key != entry.key) {
          spellings.first_other = &entry;
        }
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
    RuleInput::policy,
    check,
};

}  // namespace policylint::rules
