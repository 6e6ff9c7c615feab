#include "analysis/policy_facts.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  for (const Statement& statement : context.policy().statements) {
    for (const Value& value : statement.actions().values) {
      if (value.kind != JsonKind::string) {
        continue;
      }
      const analysis::ActionEntry& entry = context.facts().action_entry(value);
      if (entry.shape != analysis::ActionShape::valid || !entry.wildcard) {
        continue;
      }
      if ((!entry.any_service && !entry.service) || !entry.actions.empty()) {
        continue;  // an unknown service is unknown-service's finding
      }
      const std::string scope = entry.any_service ? std::string("any service") : std::string(entry.service->name());
      context.report(value.range,
                     "the pattern \"" + value.text + "\" matches no action of " + scope +
                         ", so it grants or denies nothing; fix the pattern or remove it",
                     &statement, value.text);
    }
  }
}

}  // namespace

extern const Rule action_pattern_matches_nothing{
    {"PL203", "action-pattern-matches-nothing", Severity::error, Category::validity,
     "A wildcard action pattern that matches no action"},
    check,
};

}  // namespace policylint::rules
