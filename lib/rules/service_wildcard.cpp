#include "analysis/arn.hpp"
#include "analysis/public_access.hpp"
#include "rules/grant_findings.hpp"

namespace policylint::rules {
namespace {

/// The service of a "service:*" value, when that is what it is.
std::optional<catalog::ServiceView> whole_service(const Value& value) {
  const std::string_view text = value.text;
  const std::size_t colon = text.find(':');
  if (value.kind != JsonKind::string || colon == std::string_view::npos ||
      !analysis::is_match_all(text.substr(colon + 1))) {
    return std::nullopt;
  }
  return catalog::find_service(text.substr(0, colon));
}

void check(RuleContext& context) {
  for_each_holder_grant(context, [&](const analysis::StatementGrant& grant) {
    if (grant.statement->actions_negated()) {
      return;
    }
    for (const Value& value : grant.statement->action.values) {
      const auto service = whole_service(value);
      if (!service) {
        continue;
      }
      // A Deny that carves actions out of the service leaves less than all of it.
      analysis::ActionSet service_actions;
      for (const catalog::ActionView action : service->actions()) {
        service_actions.insert(action);
      }
      if (!grant.actions.contains_all(service_actions)) {
        continue;
      }
      report_grant(context, grant, value.range,
                   "\"" + value.text + "\" grants all " + std::to_string(service->actions().size()) + " actions of " +
                       std::string(service->name()) + ", including " +
                       analysis::describe_access(service_actions & grant.actions, 2),
                   "list the actions the holder needs", Severity::warning, value.text);
    }
  });
}

}  // namespace

extern const Rule service_wildcard{
    {"PL306", "service-wildcard", Severity::warning, Category::least_privilege,
     "An Allow grants every action of a service"},
    RuleInput::policy,
    check,
};

}  // namespace policylint::rules
