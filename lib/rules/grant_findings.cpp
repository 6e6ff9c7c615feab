#include "rules/grant_findings.hpp"

#include <algorithm>

namespace policylint::rules {

bool grants_to_holder(const PolicyContext& context) noexcept { return context.policy_type() == PolicyType::identity; }

SourceRange where_named(const Statement& statement, catalog::ActionView action) {
  if (statement.actions_negated()) {
    return statement.not_action.key_range;
  }
  const auto& values = statement.action.values;
  const auto found = std::find_if(values.begin(), values.end(),
                                  [&](const Value& value) { return catalog::matches(value.text, action); });
  return found == values.end() ? statement.action.key_range : found->range;
}

SourceRange where_resources(const Statement& statement, const Value* value) noexcept {
  if (value != nullptr) {
    return value->range;
  }
  return statement.resources().key_range;
}

std::string list_actions(std::span<const catalog::ActionView> actions, std::size_t limit) {
  std::string out;
  const std::size_t shown = std::min(limit, actions.size());
  for (std::size_t i = 0; i < shown; ++i) {
    out += i == 0 ? "" : (i + 1 == shown && shown == actions.size() ? " and " : ", ");
    out += actions[i].name();
  }
  if (shown < actions.size()) {
    out += " and " + std::to_string(actions.size() - shown) + " more";
  }
  return out;
}

Severity lowered(Severity severity) noexcept {
  return severity == Severity::suggestion ? severity : static_cast<Severity>(static_cast<int>(severity) - 1);
}

Finding& report_grant(PolicyContext& context, const analysis::StatementGrant& grant, SourceRange range,
                      std::string_view what, std::string_view fix, Severity severity, std::string subject) {
  std::string message(what);
  const analysis::EntryVerdict* decisive = grant.condition.decisive();
  const bool narrowed =
      grant.condition.verdict == analysis::ConditionVerdict::weakly_restricting && decisive != nullptr;
  if (narrowed) {
    message += " (its condition on " + decisive->entry->key +
               " narrows this only a little: " + std::string(decisive->reason) + ")";
  }
  message += "; ";
  message += fix;
  Finding& finding = context.report(range, std::move(message), grant.statement, std::move(subject));
  finding.severity = narrowed ? lowered(severity) : severity;
  return finding;
}

void report_unscoped_grants(PolicyContext& context, std::span<const SensitiveActions> groups) {
  for_each_holder_grant(context, [&](const analysis::StatementGrant& grant) {
    for (const SensitiveActions& group : groups) {
      std::vector<catalog::ActionView> unscoped;
      const Value* resource = nullptr;
      for (const catalog::ActionView action : group.actions) {
        if (!grant.actions.contains(action)) {
          continue;
        }
        const analysis::ResourceReach reach = analysis::resource_reach(*grant.statement, action);
        if (reach.reach == analysis::Reach::unscoped) {
          unscoped.push_back(action);
          resource = resource != nullptr ? resource : reach.value;
        }
      }
      if (unscoped.empty()) {
        continue;
      }
      const std::string names = list_actions(unscoped);
      Finding& finding = report_grant(context, grant, where_named(*grant.statement, unscoped.front()),
                                      "this statement " + std::string(group.effect) + " on every resource: " + names,
                                      group.fix, group.severity, names);
      finding.related.push_back({where_resources(*grant.statement, resource), "on every resource"});
    }
  });
}

}  // namespace policylint::rules
