#include <algorithm>

#include "text/text.hpp"
#include "rules/grant_findings.hpp"

namespace policylint::rules {
namespace {

using analysis::Reach;

constexpr std::string_view kPassedToService = "iam:PassedToService";

bool tests_key(const analysis::ConditionAnalysis& condition, std::string_view key) noexcept {
  return std::any_of(condition.entries.begin(), condition.entries.end(),
                     [&](const analysis::EntryVerdict& entry) { return equal_ignoring_case(entry.entry->key, key); });
}

void check(PolicyContext& context) {
  if (!grants_to_holder(context)) {
    return;
  }
  static const catalog::ActionView pass_role = *catalog::find_action("iam:PassRole");
  for (const analysis::Grant& grant : context.effective_access().grants_of(pass_role)) {
    const analysis::StatementGrant& statement_grant = *grant.statement;
    if (statement_grant.admin || !statement_grant.in_effect()) {
      continue;
    }
    const bool limits_service = tests_key(statement_grant.condition, kPassedToService);
    const bool every_role = grant.resources.reach == Reach::unscoped;
    if (!every_role && limits_service) {
      continue;
    }
    const Statement& statement = *statement_grant.statement;
    const std::string_view what = every_role ? "iam:PassRole applies to every role, so the holder can hand any role, "
                                               "however privileged, to a service and act through it"
                                             : "iam:PassRole has no iam:PassedToService condition, so these roles can "
                                               "be handed to any service, not only the one they are meant for";
    constexpr std::string_view kCondition =
        "\"Condition\": {\"StringEquals\": {\"iam:PassedToService\": \"<service>.amazonaws.com\"}}";
    std::string fix = every_role ? "name the roles in Resource" : "add " + std::string(kCondition);
    if (every_role && !limits_service) {
      fix += " and add " + std::string(kCondition);
    }
    Finding& finding = report_grant(context, statement_grant, where_named(statement, pass_role), what, fix,
                                    every_role ? Severity::warning : Severity::suggestion, "iam:PassRole");
    finding.related.push_back({where_resources(statement, grant.resources.value), "the roles it may pass"});
  }
}

}  // namespace

extern const Rule pass_role_unrestricted{
    {"PL310", "pass-role-unrestricted", Severity::warning, Category::least_privilege,
     "iam:PassRole on every role, or without iam:PassedToService"},
    check,
};

}  // namespace policylint::rules
