#include "analysis/access_checks/prepared_policy.hpp"

#include "analysis/policy_facts.hpp"
#include "analysis/policy_variables.hpp"
#include "analysis/public_access.hpp"

namespace policylint::analysis {

PreparedPolicy prepare_policy(const NamedPolicy& named) {
  PreparedPolicy out;
  out.named = named;
  out.substitutes = variables_substituted(*named.policy);
  PolicyFacts facts;
  for (const Statement& statement : named.policy->statements) {
    if (statement.effect != Effect::allow && statement.effect != Effect::deny) continue;
    PreparedStatement prepared{&statement, facts.action_set_of(statement),
                               condition_atoms(statement.condition, out.substitutes)};
    (statement.effect == Effect::allow ? out.allows : out.denies).push_back(std::move(prepared));
  }
  return out;
}

CheckIssue issue_at(CheckIssueKind kind, const NamedPolicy& policy, const Statement& statement) {
  CheckIssue issue;
  issue.kind = kind;
  issue.document = std::string(policy.name);
  issue.statement = statement.index;
  issue.sid = std::string(statement.sid_text());
  issue.range = statement.range;
  return issue;
}

std::string describe_actions(const ActionSet& actions) {
  if (actions.size() == 1) {
    std::string name;
    actions.for_each([&](catalog::ActionView action) { name = std::string(action.name()); });
    return name;
  }
  return describe_access(actions);
}

}  // namespace policylint::analysis
