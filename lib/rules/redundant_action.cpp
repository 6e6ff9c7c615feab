#include "analysis/coverage.hpp"
#include "text/text.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  for (const Statement& statement : context.policy().statements) {
    const std::vector<Value>& values = statement.actions().values;
    const std::vector<std::optional<std::size_t>> covering = analysis::covering_actions(context.facts(), values);
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (!covering[i]) {
        continue;
      }
      const std::size_t j = *covering[i];
      const std::string how = equal_ignoring_case(values[i].text, values[j].text)
                                  ? "is listed twice in"
                                  : "is already covered by \"" + values[j].text + "\" in";
      Finding& finding =
          context.report(values[i].range,
                         "\"" + values[i].text + "\" " + how + " this " + statement.actions().key + " list; remove it",
                         &statement, values[i].text);
      finding.related.push_back(RelatedLocation{values[j].range, "covered by this entry"});
    }
  }
}

}  // namespace

extern const Rule redundant_action{
    {"PL229", "redundant-action", Severity::suggestion, Category::style,
     "An action already covered by another entry of the same statement"},
    check,
};

}  // namespace policylint::rules
