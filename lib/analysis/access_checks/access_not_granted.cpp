// check_access_not_granted: whether any Allow may reach a listed action on a
// listed resource, conditions taken as possibly true (docs/checks.md).
#include <algorithm>
#include <string>

#include "analysis/access_checks/prepared_policy.hpp"
#include "analysis/access_checks/statement_cover.hpp"
#include "analysis/arn.hpp"
#include "analysis/glob_relations.hpp"
#include "policylint/access_checks.hpp"
#include "text/text.hpp"

namespace policylint {
namespace {

/// True when the statement's Action or NotAction may match some action `wanted` matches.
bool action_may_match(const Statement& statement, const std::string& wanted) {
  const auto& patterns = statement.actions().values;
  if (!statement.actions_negated()) {
    return std::any_of(patterns.begin(), patterns.end(),
                       [&](const Value& p) { return analysis::globs_overlap(to_lower(p.text), wanted); });
  }
  return std::none_of(patterns.begin(), patterns.end(),
                      [&](const Value& p) { return analysis::glob_covers(to_lower(p.text), wanted); });
}

/// True when the statement's Action or NotAction matches every action `wanted` matches.
bool action_covers(const Statement& statement, const std::string& wanted) {
  const auto& patterns = statement.actions().values;
  if (!statement.actions_negated()) {
    return std::any_of(patterns.begin(), patterns.end(),
                       [&](const Value& p) { return analysis::glob_covers(to_lower(p.text), wanted); });
  }
  return std::none_of(patterns.begin(), patterns.end(),
                      [&](const Value& p) { return analysis::globs_overlap(to_lower(p.text), wanted); });
}

/// A Deny that applies to every caller whatever the request's context.
bool unconditional_for_everyone(const Statement& deny) {
  const PrincipalElement& principal = deny.principals();
  const bool everyone = !principal.present || (!deny.principals_negated() && principal.wildcard);
  return everyone && deny.condition.blocks.empty() &&
         (!deny.condition.present || deny.condition.value_kind == JsonKind::object);
}

bool taken_back(const std::vector<analysis::PreparedPolicy>& policies, const std::string& action,
                const analysis::ResourceScope& resource) {
  return std::any_of(policies.begin(), policies.end(), [&](const analysis::PreparedPolicy& policy) {
    return std::any_of(policy.denies.begin(), policy.denies.end(), [&](const analysis::PreparedStatement& deny) {
      return unconditional_for_everyone(*deny.statement) && action_covers(*deny.statement, action) &&
             analysis::statement_resource_covers(*deny.statement, policy.substitutes, resource, false);
    });
  });
}

}  // namespace

CheckResult check_access_not_granted(std::span<const NamedPolicy> policies, std::span<const std::string> actions,
                                     std::span<const std::string> resources) {
  std::vector<analysis::PreparedPolicy> prepared;
  for (const NamedPolicy& policy : policies) prepared.push_back(analysis::prepare_policy(policy));
  std::vector<std::string> wanted_actions;
  for (const std::string& action : actions) wanted_actions.push_back(to_lower(action));
  const std::vector<std::string> every_resource = {"*"};
  const std::span<const std::string> wanted_resources = resources.empty() ? std::span(every_resource) : resources;

  CheckResult result;
  for (const analysis::PreparedPolicy& policy : prepared) {
    for (const analysis::PreparedStatement& grant : policy.allows) {
      for (std::size_t a = 0; a < wanted_actions.size(); ++a) {
        if (!action_may_match(*grant.statement, wanted_actions[a])) continue;
        for (const std::string& resource : wanted_resources) {
          const analysis::ResourceScope scope{resource, nullptr};
          if (!analysis::statement_resource_may_overlap(*grant.statement, policy.substitutes, scope, false) ||
              taken_back(prepared, wanted_actions[a], scope)) {
            continue;
          }
          CheckIssue issue = analysis::issue_at(CheckIssueKind::access_granted, policy.named, *grant.statement);
          issue.actions = actions[a];
          issue.resource = resource;
          issue.condition = analysis::describe_conditions(grant.conditions);
          issue.message = "the Allow may grant " + actions[a] + " on " + resource +
                          (issue.condition == "always" ? std::string() : " when " + issue.condition);
          result.issues.push_back(std::move(issue));
        }
      }
    }
  }
  result.passed = result.issues.empty();
  return result;
}

}  // namespace policylint
