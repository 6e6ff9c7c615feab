#include <array>

#include "analysis/guardrails.hpp"
#include "rules/grant_findings.hpp"

namespace policylint::rules {
namespace {

// Beyond what the organization guardrails protect (CloudTrail, AWS Config,
// GuardDuty, Security Hub, Access Analyzer): other ways to blind the account
// or walk out of its organization.
constexpr std::array<std::string_view, 13> kMoreEvasionActions = {
    "guardduty:Disassociate*",
    "guardduty:DeleteMembers",
    "guardduty:CreateFilter",
    "securityhub:Disable*",
    "cloudtrail:PutInsightSelectors",
    "config:DeleteConfigRule",
    "logs:DeleteLogGroup",
    "logs:DeleteLogStream",
    "ec2:DeleteFlowLogs",
    "organizations:LeaveOrganization",
    "detective:DeleteGraph",
    "macie2:DisableMacie",
    "inspector2:Disable",
};

void check(PolicyContext& context) {
  static const std::vector<catalog::ActionView> actions = [] {
    analysis::ActionSet set = analysis::defense_evasion_actions();
    set |= analysis::ActionSet::matching(kMoreEvasionActions);
    return set.list();
  }();
  const std::array<SensitiveActions, 1> groups = {{
      {actions, "lets the holder turn off or delete the account's logging and threat detection",
       "name the trails, detectors and log groups it manages in Resource, or leave these actions to a security "
       "role",
       Severity::security},
  }};
  report_unscoped_grants(context, groups);
}

}  // namespace

extern const Rule defense_evasion{
    {"PL305", "defense-evasion", Severity::security, Category::defense_evasion,
     "Logging and threat detection can be turned off"},
    check,
};

}  // namespace policylint::rules
