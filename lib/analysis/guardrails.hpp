#pragma once
// The organization guardrails every AWS Organizations setup should enforce
// with SCPs (deny root-user actions, keep CloudTrail, AWS Config, GuardDuty,
// Security Hub and Access Analyzer on, stay in the organization ...), as
// data: each with the actions its Deny must cover and a statement ready to
// paste. Coverage is judged over a whole set of SCPs, since a guardrail may
// live in any of them.
#include <span>
#include <string_view>
#include <vector>

#include "analysis/action_set.hpp"
#include "policylint/finding.hpp"
#include "policylint/policy.hpp"

namespace policylint::analysis {

/// Whom a guardrail's Deny must apply to.
enum class GuardrailScope : unsigned char {
  everyone,   ///< every principal (exceptions by condition are fine)
  root_user,  ///< the root user: a condition on aws:PrincipalArn arn:aws:iam::*:root
  region,     ///< requests outside the approved regions: a negated aws:RequestedRegion condition
};

struct Guardrail {
  std::string_view id;     ///< stable kebab-case name, e.g. "protect-cloudtrail"
  std::string_view title;  ///< what the Deny does, e.g. "deny stopping or deleting CloudTrail trails"
  Severity severity;
  GuardrailScope scope;
  /// Actions the Deny must cover; for root_user, representative actions of
  /// "everything".
  std::span<const std::string_view> actions;
  /// Turning these off hides an attacker (used by the require-mfa rule).
  bool defense_evasion;
  std::string_view statement;  ///< a ready-to-paste SCP statement
};

/// The recommended guardrails, in a fixed order.
std::span<const Guardrail> recommended_guardrails() noexcept;

/// The guardrails none of `scps` enforces, in table order.
std::vector<const Guardrail*> missing_guardrails(std::span<const Policy* const> scps);

/// Every action a defense-evasion guardrail protects (stopping CloudTrail,
/// AWS Config, GuardDuty, Security Hub, Access Analyzer).
const ActionSet& defense_evasion_actions();

}  // namespace policylint::analysis
