#include "analysis/policy_facts.hpp"
#include "policylint/catalog.hpp"
#include "policylint/glob.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(RuleContext& context) {
  for (const Statement& statement : context.policy().statements) {
    for (const Value& value : statement.actions().values) {
      if (value.kind != JsonKind::string || analysis::action_shape(value.text) != analysis::ActionShape::valid ||
          !has_wildcard(value.text)) {
        continue;
      }
      const std::string_view prefix = std::string_view(value.text).substr(0, value.text.find(':'));
      const bool service_known = has_wildcard(prefix) || catalog::find_service(prefix);
      if (!service_known || !context.facts().actions_of(value).empty()) {
        continue;  // an unknown service is unknown-service's finding
      }
      const std::string scope = has_wildcard(prefix) ? std::string("any service")
                                                     : std::string(catalog::find_service(prefix)->name());
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
    RuleInput::policy,
    check,
};

}  // namespace policylint::rules
