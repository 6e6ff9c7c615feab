#include "text/text.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(RuleContext& context) {
  for (const Statement& statement : context.policy().statements) {
    for (const ConditionBlock& block : statement.condition.blocks) {
      for (std::size_t i = 1; i < block.entries.size(); ++i) {
        const ConditionEntry& entry = block.entries[i];
        for (std::size_t j = 0; j < i; ++j) {
          const ConditionEntry& earlier = block.entries[j];
          if (earlier.key == entry.key || !equal_ignoring_case(earlier.key, entry.key)) {
            continue;  // exact duplicates are duplicate-key's finding
          }
          Finding& finding = context.report(
              entry.key_range,
              "\"" + entry.key + "\" and \"" + earlier.key + "\" are the same condition key (key names ignore "
              "case), written twice under " + block.op + "; merge their values under one key",
              &statement, entry.key);
          finding.related.push_back(RelatedLocation{earlier.key_range, "first written here"});
          break;
        }
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
