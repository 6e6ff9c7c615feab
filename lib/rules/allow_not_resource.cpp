#include "rules/grant_findings.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  for_each_holder_grant(context, [&](const analysis::StatementGrant& grant) {
    const Statement& statement = *grant.statement;
    if (!statement.resources_negated() || grant.actions.empty()) {
      return;
    }
    report_grant(context, grant, statement.not_resource.key_range,
                 "Allow with NotResource grants its actions on every resource it does not list, including resources "
                 "created later and resources in other accounts that trust this one",
                 "list the resources the holder needs in Resource instead", Severity::warning, "NotResource");
  });
}

}  // namespace

extern const Rule allow_not_resource{
    {"PL308", "allow-not-resource", Severity::warning, Category::least_privilege,
     "An Allow grants on everything except the resources it lists"},
    check,
};

}  // namespace policylint::rules
