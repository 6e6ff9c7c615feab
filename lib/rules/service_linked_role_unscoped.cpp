#include "rules/grant_findings.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  if (!grants_to_holder(context)) {
    return;
  }
  static const catalog::ActionView create = *catalog::find_action("iam:CreateServiceLinkedRole");
  for (const analysis::Grant& grant : context.effective_access().grants_of(create)) {
    const analysis::StatementGrant& statement_grant = *grant.statement;
    if (statement_grant.admin || !statement_grant.in_effect() || grant.resources.reach != analysis::Reach::unscoped) {
      continue;
    }
    const Statement& statement = *statement_grant.statement;
    Finding& finding = report_grant(
        context, statement_grant, where_named(statement, create),
        "iam:CreateServiceLinkedRole applies to every service-linked role, so the holder can create one for any "
        "service, with that service's permissions in the account",
        "name the role in Resource (arn:aws:iam::*:role/aws-service-role/<service>.amazonaws.com/*) or add "
        "\"Condition\": {\"StringEquals\": {\"iam:AWSServiceName\": \"<service>.amazonaws.com\"}}",
        Severity::warning, "iam:CreateServiceLinkedRole");
    finding.related.push_back({where_resources(statement, grant.resources.value), "every service-linked role"});
  }
}

}  // namespace

extern const Rule service_linked_role_unscoped{
    {"PL311", "service-linked-role-unscoped", Severity::warning, Category::least_privilege,
     "iam:CreateServiceLinkedRole for every service"},
    check,
};

}  // namespace policylint::rules
