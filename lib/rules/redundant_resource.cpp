#include "analysis/coverage.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

bool covers(const Value& general, const Value& specific) {
  return general.kind == JsonKind::string && specific.kind == JsonKind::string &&
         analysis::resource_entry_covers(general.text, specific.text);
}

void check(RuleContext& context) {
  for (const Statement& statement : context.policy().statements) {
    const std::vector<Value>& values = statement.resources().values;
    for (std::size_t i = 0; i < values.size(); ++i) {
      for (std::size_t j = 0; j < values.size(); ++j) {
        if (i == j || !covers(values[j], values[i]) || (i < j && covers(values[i], values[j]))) {
          continue;  // of two entries covering each other, only the later one is redundant
        }
        const std::string how = values[i].text == values[j].text ? "is listed twice in" : "is already covered by \"" +
                                                                                             values[j].text + "\" in";
        Finding& finding = context.report(
            values[i].range, "\"" + values[i].text + "\" " + how + " this " + statement.resources().key +
                                 " list; remove it",
            &statement, values[i].text);
        finding.related.push_back(RelatedLocation{values[j].range, "covered by this entry"});
        break;
      }
    }
  }
}

}  // namespace

extern const Rule redundant_resource{
    {"PL230", "redundant-resource", Severity::suggestion, Category::style,
     "A resource listed twice, or covered by another entry of the same statement"},
    RuleInput::policy,
    check,
};

}  // namespace policylint::rules
