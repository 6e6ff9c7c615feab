#include "analysis/guardrails.hpp"

#include <algorithm>
#include <array>

#include "analysis/arn.hpp"
#include "analysis/condition_operator.hpp"
#include "analysis/principal_analysis.hpp"
#include "analysis/public_access.hpp"
#include "text/text.hpp"

namespace policylint::analysis {
namespace {

constexpr std::array<std::string_view, 3> kRootActions = {"iam:CreateRole", "ec2:RunInstances", "s3:DeleteBucket"};
constexpr std::array<std::string_view, 1> kRootKeyActions = {"iam:CreateAccessKey"};
constexpr std::array<std::string_view, 4> kCloudTrailActions = {"cloudtrail:StopLogging", "cloudtrail:DeleteTrail",
                                                                "cloudtrail:UpdateTrail",
                                                                "cloudtrail:PutEventSelectors"};
constexpr std::array<std::string_view, 3> kConfigActions = {
    "config:StopConfigurationRecorder", "config:DeleteConfigurationRecorder", "config:DeleteDeliveryChannel"};
constexpr std::array<std::string_view, 4> kGuardDutyActions = {
    "guardduty:DeleteDetector", "guardduty:UpdateDetector", "guardduty:DisassociateFromMasterAccount",
    "guardduty:StopMonitoringMembers"};
constexpr std::array<std::string_view, 2> kSecurityHubActions = {"securityhub:DisableSecurityHub",
                                                                 "securityhub:DisassociateFromMasterAccount"};
constexpr std::array<std::string_view, 1> kAccessAnalyzerActions = {"access-analyzer:DeleteAnalyzer"};
constexpr std::array<std::string_view, 1> kLeaveActions = {"organizations:LeaveOrganization"};
constexpr std::array<std::string_view, 1> kRegionActions = {"ec2:RunInstances"};

constexpr std::array kGuardrails = {
    Guardrail{"deny-root-user", "deny every action to the root user of member accounts", Severity::warning,
              GuardrailScope::root_user, kRootActions, false,
              R"({"Sid": "DenyRootUser", "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"StringLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"}}})"},
    Guardrail{"deny-root-access-keys", "deny creating access keys for the root user", Severity::warning,
              GuardrailScope::root_user, kRootKeyActions, false,
              R"({"Sid": "DenyRootAccessKeys", "Effect": "Deny", "Action": "iam:CreateAccessKey", "Resource": "*", "Condition": {"StringLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"}}})"},
    Guardrail{"protect-cloudtrail", "deny stopping, deleting or changing CloudTrail trails", Severity::warning,
              GuardrailScope::everyone, kCloudTrailActions, true,
              R"({"Sid": "ProtectCloudTrail", "Effect": "Deny", "Action": ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail", "cloudtrail:PutEventSelectors"], "Resource": "*"})"},
    Guardrail{"protect-config", "deny stopping or deleting the AWS Config recorder and delivery channel",
              Severity::warning, GuardrailScope::everyone, kConfigActions, true,
              R"({"Sid": "ProtectConfig", "Effect": "Deny", "Action": ["config:StopConfigurationRecorder", "config:DeleteConfigurationRecorder", "config:DeleteDeliveryChannel"], "Resource": "*"})"},
    Guardrail{"protect-guardduty", "deny disabling GuardDuty or leaving its administrator account", Severity::warning,
              GuardrailScope::everyone, kGuardDutyActions, true,
              R"({"Sid": "ProtectGuardDuty", "Effect": "Deny", "Action": ["guardduty:DeleteDetector", "guardduty:UpdateDetector", "guardduty:DisassociateFromMasterAccount", "guardduty:StopMonitoringMembers"], "Resource": "*"})"},
    Guardrail{"protect-security-hub", "deny disabling Security Hub or leaving its administrator account",
              Severity::warning, GuardrailScope::everyone, kSecurityHubActions, true,
              R"({"Sid": "ProtectSecurityHub", "Effect": "Deny", "Action": ["securityhub:DisableSecurityHub", "securityhub:DisassociateFromMasterAccount"], "Resource": "*"})"},
    Guardrail{"protect-access-analyzer", "deny deleting IAM Access Analyzer analyzers", Severity::warning,
              GuardrailScope::everyone, kAccessAnalyzerActions, true,
              R"({"Sid": "ProtectAccessAnalyzer", "Effect": "Deny", "Action": "access-analyzer:DeleteAnalyzer", "Resource": "*"})"},
    Guardrail{"deny-leave-organization", "deny leaving the organization", Severity::warning, GuardrailScope::everyone,
              kLeaveActions, false,
              R"({"Sid": "DenyLeaveOrganization", "Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"})"},
    Guardrail{"restrict-regions", "deny requests outside the regions you use", Severity::suggestion,
              GuardrailScope::region, kRegionActions, false,
              R"({"Sid": "DenyUnapprovedRegions", "Effect": "Deny", "NotAction": ["iam:*", "organizations:*", "sts:*", "support:*", "budgets:*", "cloudfront:*", "route53:*", "waf:*", "health:*", "account:*"], "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["us-east-1", "eu-west-1"]}}})"},
};

// True when the condition applies the Deny to the root user: a positive
// aws:PrincipalArn test whose values are root ARNs.
bool targets_root_user(const ConditionElement& condition) {
  for (const auto& [block, entry] : entries_on(condition, "aws:PrincipalArn")) {
    const auto op = parse_condition_operator(block->op);
    if (!op || op->base->negated || op->base->family == OperatorFamily::null) {
      continue;
    }
    const bool all_root = std::all_of(entry->values.values.begin(), entry->values.values.end(), [](const Value& v) {
      return split_arn(v.text).arn.resource.text == "root";
    });
    if (all_root && !entry->values.values.empty()) {
      return true;
    }
  }
  return false;
}

// True when the condition denies requests outside some regions.
bool limits_regions(const ConditionElement& condition) {
  for (const auto& [block, entry] : entries_on(condition, "aws:RequestedRegion")) {
    const auto op = parse_condition_operator(block->op);
    if (op && op->base->negated) {
      return true;
    }
  }
  return false;
}

bool in_scope(const Statement& deny, GuardrailScope scope) {
  switch (scope) {
    case GuardrailScope::root_user: return targets_root_user(deny.condition);
    case GuardrailScope::region: return limits_regions(deny.condition);
    case GuardrailScope::everyone: break;
  }
  // A Deny aimed at the root user or at other regions leaves everyone else free.
  return !targets_root_user(deny.condition) && !limits_regions(deny.condition);
}

bool enforces(const Statement& deny, const Guardrail& guardrail, const ActionSet& required) {
  return deny.effect == Effect::deny && in_scope(deny, guardrail.scope) &&
         statement_action_set(deny).contains_all(required);
}

}  // namespace

std::span<const Guardrail> recommended_guardrails() noexcept { return kGuardrails; }

std::vector<const Guardrail*> missing_guardrails(std::span<const Policy* const> scps) {
  std::vector<const Guardrail*> out;
  for (const Guardrail& guardrail : kGuardrails) {
    const ActionSet required = ActionSet::matching(guardrail.actions);
    const bool enforced = std::any_of(scps.begin(), scps.end(), [&](const Policy* scp) {
      return std::any_of(scp->statements.begin(), scp->statements.end(),
                         [&](const Statement& statement) { return enforces(statement, guardrail, required); });
    });
    if (!enforced) {
      out.push_back(&guardrail);
    }
  }
  return out;
}

const ActionSet& defense_evasion_actions() {
  static const ActionSet actions = [] {
    ActionSet set;
    for (const Guardrail& guardrail : kGuardrails) {
      if (guardrail.defense_evasion) {
        set |= ActionSet::matching(guardrail.actions);
      }
    }
    return set;
  }();
  return actions;
}

}  // namespace policylint::analysis
