#include <string>

#include "analysis/statement_containment.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  const std::vector<Statement>& statements = context.policy().statements;
  const std::vector<std::optional<std::size_t>> containing =
      analysis::containing_statements(context.facts(), statements);
  for (std::size_t i = 0; i < statements.size(); ++i) {
    if (!containing[i]) {
      continue;
    }
    const std::size_t j = *containing[i];
    const std::string verb = statements[i].effect == Effect::deny ? "denies" : "allows";
    Finding& finding = context.report(
        statements[i].range,
        "statement " + std::to_string(i) + " is redundant: statement " + std::to_string(j) + " already " + verb +
            " every action on every resource it names" +
            (statements[j].condition.present ? " under the same conditions" : "") + "; remove it or merge the two",
        &statements[i]);
    finding.related.push_back(RelatedLocation{statements[j].range, "the statement that contains it"});
  }
}

}  // namespace

extern const Rule redundant_statement{
    {"PL231", "redundant-statement", Severity::suggestion, Category::style,
     "A statement wholly contained in another statement of the policy"},
    check,
};

}  // namespace policylint::rules
