#include "rules/grant_findings.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  if (!grants_to_holder(context)) {
    return;
  }
  const std::size_t all_actions = catalog::counts().actions;
  for (const analysis::StatementGrant& grant : context.effective_access().allows()) {
    if (!grant.admin) {
      continue;
    }
    const Statement& statement = *grant.statement;
    // Everything but a few services is still everything that matters.
    const bool everything = grant.actions.size() * 10 >= all_actions * 9;
    const std::string what =
        everything ? "grants every action on every resource (" + std::to_string(grant.actions.size()) + " of " +
                         std::to_string(all_actions) + " actions), as AdministratorAccess does"
                   : "grants every IAM permissions-management action on every resource, which lets the holder "
                     "attach any policy to itself: it is equivalent to administrator access";
    // Point at what grants IAM: the "*", "iam:*" or NotAction that lets it through.
    const catalog::ActionView attach = *catalog::find_action("iam:AttachRolePolicy");
    const analysis::ResourceReach reach = analysis::resource_reach(statement, attach);
    Finding& finding = report_grant(context, grant, where_named(statement, attach), "this statement " + what,
                                    "grant only the actions the holder needs, on the resources it needs (start from "
                                    "the AWS managed job-function policies or IAM Access Analyzer policy generation)",
                                    Severity::security, everything ? "*" : "iam");
    finding.related.push_back({where_resources(statement, reach.value), "on every resource"});
  }
}

}  // namespace

extern const Rule admin_access{
    {"PL300", "admin-access", Severity::security, Category::admin_access,
     "A statement grants administrator access or its equivalent"},
    check,
};

}  // namespace policylint::rules
