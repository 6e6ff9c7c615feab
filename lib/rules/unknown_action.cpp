#include "analysis/policy_facts.hpp"
#include "analysis/suggest.hpp"
#include "analysis/value_part.hpp"
#include "policylint/catalog.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

std::string advice(catalog::ServiceView service, std::string_view name) {
  analysis::ClosestName closest(name);
  for (const catalog::ActionView action : service.actions()) {
    closest.consider(action.action_name());
  }
  if (!closest.best().empty()) {
    return "did you mean \"" + std::string(service.prefix()) + ":" + std::string(closest.best()) + "\"?";
  }
  return "check the name in the AWS Service Authorization Reference for " + std::string(service.name()) +
         ", or remove the action if it was retired";
}

void check(PolicyContext& context) {
  const std::string_view source = *context.document().source;
  for (const Statement& statement : context.policy().statements) {
    for (const Value& value : statement.actions().values) {
      if (value.kind != JsonKind::string) {
        continue;
      }
      const analysis::ActionEntry& entry = context.facts().action_entry(value);
      // A known action, a pattern, or an unknown service (unknown-service's finding).
      if (entry.shape != analysis::ActionShape::valid || entry.wildcard || !entry.actions.empty() || !entry.service) {
        continue;
      }
      const catalog::ServiceView service = *entry.service;
      const std::size_t colon = value.text.find(':');
      const std::string_view name = std::string_view(value.text).substr(colon + 1);
      context.report(analysis::part_range(source, value, colon + 1, value.text.size()),
                     "\"" + std::string(name) + "\" is not an action of " + std::string(service.name()) + " (" +
                         std::string(service.prefix()) + "), so \"" + value.text + "\" matches nothing; " +
                         advice(service, name),
                     &statement, value.text);
    }
  }
}

}  // namespace

extern const Rule unknown_action{
    {"PL202", "unknown-action", Severity::error, Category::validity,
     "An action that its service does not define"},
    check,
};

}  // namespace policylint::rules
