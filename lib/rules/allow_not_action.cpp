#include "analysis/public_access.hpp"
#include "rules/grant_findings.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  for_each_holder_grant(context, [&](const analysis::StatementGrant& grant) {
    const Statement& statement = *grant.statement;
    if (!statement.actions_negated()) {
      return;
    }
    report_grant(context, grant, statement.not_action.key_range,
                 "Allow with NotAction grants every action it does not list, " + std::to_string(grant.actions.size()) +
                     " actions including " + analysis::describe_access(grant.actions, 2) +
                     ", and every action AWS adds later",
                 "list the actions the holder needs in Action instead", Severity::warning, "NotAction");
  });
}

}  // namespace

extern const Rule allow_not_action{
    {"PL307", "allow-not-action", Severity::warning, Category::least_privilege,
     "An Allow grants everything except the actions it lists"},
    check,
};

}  // namespace policylint::rules
