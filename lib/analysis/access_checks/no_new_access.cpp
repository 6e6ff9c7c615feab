// check_no_new_access: every Allow of NEW covered by Allows of OLD, and every
// Deny of OLD still made by NEW, action by action (docs/checks.md).
#include <string>

#include "analysis/access_checks/prepared_policy.hpp"
#include "analysis/access_checks/statement_cover.hpp"
#include "policylint/access_checks.hpp"

namespace policylint {
namespace {

using analysis::ActionSet;
using analysis::Implication;
using analysis::PreparedPolicy;
using analysis::PreparedStatement;
using analysis::Proof;
using analysis::ResourceScope;

/// The statement that came nearest to covering, and why it did not.
struct NearMiss {
  const PreparedStatement* statement = nullptr;
  Implication why;

  void offer(const PreparedStatement& candidate, Implication implication) {
    // "Cannot prove" outranks a refutation: it is the answer the user must act on.
    if (statement == nullptr || (implication.proof == Proof::unknown && why.proof != Proof::unknown)) {
      statement = &candidate;
      why = std::move(implication);
    }
  }
  bool undecided() const { return statement != nullptr && why.proof == Proof::unknown; }
};

/// Removes from `uncovered` the actions of each statement of `by` that
/// covers `inner` on `scope`: principals, resources and conditions.
void subtract_covered(ActionSet& uncovered, const PreparedStatement& inner, const PreparedPolicy& inner_policy,
                      const ResourceScope& scope, const std::vector<PreparedStatement>& by,
                      const PreparedPolicy& by_policy, NearMiss& near) {
  const bool same_variables = inner_policy.substitutes == by_policy.substitutes;
  for (const PreparedStatement& outer : by) {
    if (!outer.actions.intersects(uncovered) || !analysis::principal_covers(*outer.statement, *inner.statement) ||
        !analysis::statement_resource_covers(*outer.statement, by_policy.substitutes, scope,
                                             inner_policy.substitutes)) {
      continue;
    }
    Implication implication = analysis::conditions_imply(inner.conditions, outer.conditions, same_variables);
    if (implication.proof == Proof::proved) {
      uncovered -= outer.actions;
    } else {
      near.offer(outer, std::move(implication));
    }
  }
}

std::string where(const PreparedPolicy& policy, const Statement& statement) {
  return std::string(policy.named.name) + ":" + std::to_string(statement.range.begin.line);
}

std::string when(const std::string& conditions) { return conditions == "always" ? "" : " when " + conditions; }

/// The issue for what `statement` of `side` leaves uncovered in `scope`: new
/// access, or "cannot prove" when the nearest statement could not be decided.
CheckIssue uncovered_issue(const NearMiss& near, const PreparedPolicy& side, const PreparedStatement& statement,
                           const ActionSet& uncovered, const ResourceScope& scope) {
  CheckIssue issue = analysis::issue_at(near.undecided() ? CheckIssueKind::cannot_prove : CheckIssueKind::new_access,
                                        side.named, *statement.statement);
  issue.actions = analysis::describe_actions(uncovered);
  issue.resource = analysis::describe_scope(scope);
  issue.condition = analysis::describe_conditions(statement.conditions);
  return issue;
}

void check_allow(const PreparedStatement& grant, const PreparedPolicy& old_side, const PreparedPolicy& new_side,
                 CheckResult& result) {
  for (const ResourceScope& scope : analysis::resource_scopes(*grant.statement)) {
    ActionSet uncovered = grant.actions;
    NearMiss near;
    subtract_covered(uncovered, grant, new_side, scope, old_side.allows, old_side, near);
    if (uncovered.empty()) continue;
    CheckIssue issue = uncovered_issue(near, new_side, grant, uncovered, scope);
    const std::string what = issue.actions + " on " + issue.resource;
    if (near.statement == nullptr) {
      issue.message = "NEW allows " + what + when(issue.condition) + ", which OLD does not allow";
    } else {
      const std::string required = analysis::describe_atom(*near.why.unproved);
      const std::string old_at = " (OLD at " + where(old_side, *near.statement->statement) + ")";
      if (near.undecided()) {
        issue.message = "cannot prove that OLD allows " + what + when(issue.condition) + ": OLD requires " + required +
                        " and " + near.why.reason + old_at;
      } else if (near.why.missing) {
        issue.message = "NEW allows " + what + " without " + required + " (OLD required it)";
      } else {
        issue.message = "NEW allows " + what + when(issue.condition) + ", beyond OLD's " + required + ": " +
                        near.why.reason + old_at;
      }
    }
    result.issues.push_back(std::move(issue));
  }
}

void check_deny(const PreparedStatement& deny, const PreparedPolicy& old_side, const PreparedPolicy& new_side,
                bool guardrail, CheckResult& result) {
  for (const ResourceScope& scope : analysis::resource_scopes(*deny.statement)) {
    ActionSet uncovered = deny.actions;
    if (!guardrail) {
      // A Deny that nothing NEW allows could reach takes nothing away.
      ActionSet reachable;
      for (const PreparedStatement& grant : new_side.allows) {
        if (analysis::statement_resource_may_overlap(*grant.statement, new_side.substitutes, scope,
                                                     old_side.substitutes)) {
          reachable |= grant.actions;
        }
      }
      uncovered &= reachable;
    }
    if (uncovered.empty()) continue;
    NearMiss near;
    subtract_covered(uncovered, deny, old_side, scope, new_side.denies, new_side, near);
    if (uncovered.empty()) continue;
    CheckIssue issue = uncovered_issue(near, old_side, deny, uncovered, scope);
    const std::string what = issue.actions + " on " + issue.resource + when(issue.condition);
    if (near.undecided()) {
      issue.message = "cannot prove that NEW still denies " + what + " (OLD's Deny at " +
                      where(old_side, *deny.statement) + "): NEW's Deny at " +
                      where(new_side, *near.statement->statement) + " requires " +
                      analysis::describe_atom(*near.why.unproved) + " and " + near.why.reason;
    } else {
      issue.message = "NEW no longer denies " + what + " (OLD denied it at " + where(old_side, *deny.statement) + ")";
      if (near.statement != nullptr) {
        issue.message += "; NEW's Deny at " + where(new_side, *near.statement->statement) + " also requires " +
                         analysis::describe_atom(*near.why.unproved);
      }
    }
    result.issues.push_back(std::move(issue));
  }
}

}  // namespace

CheckResult check_no_new_access(const NamedPolicy& old_policy, const NamedPolicy& new_policy, PolicyType type) {
  const PreparedPolicy old_side = analysis::prepare_policy(old_policy);
  const PreparedPolicy new_side = analysis::prepare_policy(new_policy);
  const bool guardrail = type == PolicyType::scp || type == PolicyType::rcp;
  CheckResult result;
  for (const PreparedStatement& grant : new_side.allows) check_allow(grant, old_side, new_side, result);
  for (const PreparedStatement& deny : old_side.denies) check_deny(deny, old_side, new_side, guardrail, result);
  result.passed = result.issues.empty();
  return result;
}

}  // namespace policylint
