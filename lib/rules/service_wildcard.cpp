#include <algorithm>

#include "analysis/arn.hpp"
#include "analysis/principal_analysis.hpp"
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

/// A resource policy grants its principals what it names on its resource:
/// "s3:*" in a bucket policy hands them every S3 action, policy and ACL
/// changes included. Statements that only delegate to whole accounts are
/// left alone: the accounts' own IAM policies decide what their users get.
void check_resource_policy(PolicyContext& context) {
  for (const Statement& statement : context.policy().statements) {
    if (statement.effect != Effect::allow || statement.actions_negated() || !statement.principal.present) {
      continue;
    }
    const auto principals = analysis::principals_of(statement.principal);
    if (std::all_of(principals.begin(), principals.end(), [](const analysis::PrincipalRef& principal) {
          return principal.kind == analysis::PrincipalKind::account;
        })) {
      continue;  // delegation to an account (a KMS key policy's root statement): its IAM policies narrow it
    }
    for (const Value& value : statement.action.values) {
      const bool everything = value.kind == JsonKind::string && analysis::is_match_all(value.text);
      const auto service = everything ? std::nullopt : whole_service(value);
      if (!everything && !service) {
        continue;
      }
      const std::string what = everything ? std::string("every action of every service")
                                          : "all " + std::to_string(service->actions().size()) + " actions of " +
                                                std::string(service->name());
      context.report(value.range,
                     "\"" + value.text + "\" grants the principals of this statement " + what +
                         " on the resource, changing its policy and permissions included; list the actions they need",
                     &statement, value.text);
    }
  }
}

void check(PolicyContext& context) {
  if (context.policy_type() == PolicyType::resource) {
    check_resource_policy(context);
    return;
  }
  for_each_holder_grant(context, [&](const analysis::StatementGrant& grant) {
    if (grant.statement->actions_negated()) {
      return;
    }
    for (const Value& value : grant.statement->action.values) {
      if (value.kind == JsonKind::string && analysis::is_match_all(value.text)) {
        // Action "*" on named resources: not administrator access (admin-access's), but every action there.
        const Statement& statement = *grant.statement;
        const bool named_resources =
            statement.resource.present && !statement.resource.values.empty() &&
            std::none_of(statement.resource.values.begin(), statement.resource.values.end(),
                         [](const Value& resource) { return analysis::is_match_all(resource.text); });
        if (!named_resources) {
          continue;
        }
        report_grant(context, grant, value.range,
                     "\"" + value.text +
                         "\" grants every action of every service on the resources this statement "
                         "names, changing their policies and permissions included",
                     "list the actions the holder needs", Severity::warning, value.text);
        continue;
      }
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
     "An Allow grants every action of a service, or Action \"*\" on named resources"},
    check,
};

}  // namespace policylint::rules
