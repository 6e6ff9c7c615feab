#include <algorithm>
#include <vector>

#include "analysis/condition_keys.hpp"
#include "analysis/condition_walk.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

/// "s3:GetObject", "s3:GetObject, s3:PutObject and 3 more".
std::string action_list(std::span<const catalog::ActionView> actions) {
  constexpr std::size_t kShown = 2;
  std::string text;
  for (std::size_t i = 0; i < actions.size() && i < kShown; ++i) {
    text += (i == 0 ? "" : ", ") + std::string(actions[i].name());
  }
  if (actions.size() > kShown) {
    text += " and " + std::to_string(actions.size() - kShown) + " more";
  }
  return text;
}

bool in_range(catalog::ViewRange<catalog::ConditionKeyView> keys, catalog::ConditionKeyView key) {
  return std::any_of(keys.begin(), keys.end(), [&](catalog::ConditionKeyView k) { return k == key; });
}

/// True when requests for `action` can carry `key`: the action lists it, or
/// one of the resource types it acts on does.
bool action_supports(catalog::ActionView action, catalog::ConditionKeyView key) {
  if (in_range(action.condition_keys(), key)) {
    return true;
  }
  const auto resources = action.resource_types();
  return std::any_of(resources.begin(), resources.end(), [&](catalog::ActionResourceView resource) {
    return in_range(resource.condition_keys(), key) || in_range(resource.resource_type().condition_keys(), key);
  });
}

/// What the condition does for requests that lack the key.
std::string effect_without_key(const analysis::ConditionSite& site, std::string_view whom) {
  const auto holds = site.op ? analysis::holds_when_key_absent(*site.op) : std::nullopt;
  return !holds  ? "the condition only ever sees it absent"
         : *holds ? "the condition always holds for them"
                  : "the condition never holds for them, so the statement " +
                        std::string(site.statement.effect == Effect::deny ? "denies" : "grants") + std::string(whom) +
                        " nothing";
}

/// Some actions of the statement support the key and others do not
/// (Access Analyzer: UNSUPPORTED_ACTION_FOR_CONDITION_KEY).
void check_partial(PolicyContext& context, const analysis::ConditionSite& site,
                   std::span<const catalog::ActionView> actions, catalog::ConditionKeyView key) {
  std::vector<catalog::ActionView> unsupported;
  for (const catalog::ActionView action : actions) {
    if (!action_supports(action, key)) {
      unsupported.push_back(action);
    }
  }
  if (unsupported.empty() || unsupported.size() == actions.size()) {
    return;
  }
  context.report(site.entry.key_range,
                 action_list(unsupported) + (unsupported.size() == 1 ? " does" : " do") +
                     " not support the condition key " + std::string(key.name()) +
                     ", unlike the statement's other actions: their requests never carry it, so " +
                     effect_without_key(site, " them") + "; move them to a statement of their own",
                 &site.statement, site.entry.key);
}

void check(PolicyContext& context) {
  analysis::PolicyFacts& facts = context.facts();
  analysis::for_each_condition_entry(context.policy(), [&](const analysis::ConditionSite& site) {
    if (!site.statement.action.present || analysis::is_global_key(site.entry.key)) {
      return;  // global keys are not listed per action
    }
    const auto lookup = facts.condition_key(site.entry);
    const auto actions = facts.statement_actions(site.statement);
    // Cheapest test first: most keys are supported, and the other two read
    // the key's description.
    if (!lookup.key || actions.empty() || analysis::is_request_origin_key(*lookup.key)) {
      return;
    }
    if (facts.statement_supports_key(site.statement, *lookup.key)) {
      // Only for actions named one by one: a wildcard takes in many actions
      // the author never meant the condition for.
      const auto& named = site.statement.action.values;
      if (std::none_of(named.begin(), named.end(),
                       [](const Value& v) { return v.text.find_first_of("*?") != std::string::npos; })) {
        check_partial(context, site, actions, *lookup.key);
      }
      return;
    }
    if (analysis::deprecated_key_replacement(site.entry.key, lookup.key)) {
      return;  // deprecated-condition-key's finding
    }
    const std::string effect = effect_without_key(site, "");
    context.report(site.entry.key_range,
                   "no action of this statement (" + action_list(actions) + ") supports the condition key " +
                       std::string(lookup.key->name()) + ": their requests never carry it, so " + effect +
                       "; use a key these actions support, or move the condition to the statement of the actions "
                       "that do",
                   &site.statement, site.entry.key);
  });
}

}  // namespace

extern const Rule condition_key_not_supported{
    {"PL218", "condition-key-not-supported", Severity::warning, Category::validity,
     "A service condition key that no action of the statement supports"},
    check,
};

}  // namespace policylint::rules
