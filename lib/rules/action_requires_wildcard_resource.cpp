#include <algorithm>

#include "analysis/arn.hpp"
#include "analysis/policy_facts.hpp"
#include "policylint/catalog.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  for (const Statement& statement : context.policy().statements) {
    if (!statement.action.present || !statement.resource.present) {
      continue;
    }
    const auto& resources = statement.resource.values;
    const bool has_star = std::any_of(resources.begin(), resources.end(), [](const Value& value) {
      return value.kind != JsonKind::string || analysis::is_match_all(value.text);
    });
    if (has_star || resources.empty()) {
      continue;
    }
    for (const Value& value : statement.action.values) {
      if (value.kind != JsonKind::string) {
        continue;
      }
      const analysis::ActionEntry& entry = context.facts().action_entry(value);
      if (entry.wildcard) {
        continue;  // a pattern may cover such actions without meaning them
      }
      // The one action a literal names, if known.
      if (entry.actions.size() != 1 || !entry.actions.front().resource_types().empty()) {
        continue;
      }
      const catalog::ActionView action = entry.actions.front();
      context.report(value.range,
                     std::string(action.name()) +
                         " supports no resource-level permissions: it only matches \"Resource\": \"*\", and this "
                         "statement names specific resources, so it never applies to this action; move the action "
                         "to a statement with \"Resource\": \"*\"",
                     &statement, value.text);
    }
  }
}

}  // namespace

extern const Rule action_requires_wildcard_resource{
    {"PL211", "action-requires-wildcard-resource", Severity::warning, Category::validity,
     "An action that only supports \"Resource\": \"*\" in a statement naming specific resources"},
    check,
};

}  // namespace policylint::rules
