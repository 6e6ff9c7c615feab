#include "analysis/coverage.hpp"
#include "text/text.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(RuleContext& context) {
  analysis::PolicyFacts& facts = context.facts();
  std::vector<const analysis::ActionEntry*> entries;  // of one statement, looked up once for every pair
  std::vector<std::size_t> covering;
  for (const Statement& statement : context.policy().statements) {
    const std::vector<Value>& values = statement.actions().values;
    const analysis::CoveringCandidates candidates(facts, values);
    entries.clear();
    for (const Value& value : values) {
      entries.push_back(&facts.action_entry(value));
    }
    const auto covers = [&](std::size_t general, std::size_t specific) {
      return analysis::action_entry_covers(values[general], *entries[general], values[specific], *entries[specific]);
    };
    for (std::size_t i = 0; i < values.size(); ++i) {
      candidates.find(values[i], covering);
      for (const std::size_t j : covering) {
        if (i == j || !covers(j, i)) {
          continue;
        }
        // Two entries covering each other: only the later one is redundant.
        if (i < j && covers(i, j)) {
          continue;
        }
        const std::string how = equal_ignoring_case(values[i].text, values[j].text)
                                    ? "is listed twice in"
                                    : "is already covered by \"" + values[j].text + "\" in";
        Finding& finding = context.report(
            values[i].range,
            "\"" + values[i].text + "\" " + how + " this " + statement.actions().key + " list; remove it",
            &statement, values[i].text);
        finding.related.push_back(RelatedLocation{values[j].range, "covered by this entry"});
        break;
      }
    }
  }
}

}  // namespace

extern const Rule redundant_action{
    {"PL229", "redundant-action", Severity::suggestion, Category::style,
     "An action already covered by another entry of the same statement"},
    RuleInput::policy,
    check,
};

}  // namespace policylint::rules
