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

void check(RuleContext& context) {
  analysis::PolicyFacts& facts = context.facts();
  analysis::for_each_condition_entry(context.policy(), [&](const analysis::ConditionSite& site) {
    if (!site.statement.action.present || analysis::is_global_key(site.entry.key)) {
      return;  // global keys are not listed per action
    }
    const auto lookup = facts.condition_key(site.entry);
    const auto actions = facts.statement_actions(site.statement);
    // Cheapest test first: most keys are supported, and the other two read
    // the key's description.
    if (!lookup.key || actions.empty() || facts.statement_supports_key(site.statement, *lookup.key) ||
        analysis::is_request_origin_key(*lookup.key)) {
      return;
    }
    if (analysis::deprecated_key_replacement(site.entry.key, lookup.key)) {
      return;  // deprecated-condition-key's finding
    }
    const auto holds = site.op ? analysis::holds_when_key_absent(*site.op) : std::nullopt;
    const std::string effect =
        !holds ? "the condition only ever sees it absent"
        : *holds ? "the condition always holds for them"
                 : "the condition never holds for them, so the statement " +
                       std::string(site.statement.effect == Effect::deny ? "denies" : "grants") + " nothing";
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
    RuleInput::policy,
    check,
};

}  // namespace policylint::rules
