#pragma once
// The effective-access model of one policy: for each Allow statement, the
// catalog actions it grants (NotAction as the complement), on which resources
// and under which condition, less what Deny statements of the same policy
// take away. A Deny takes away what it covers when its condition always
// holds, and nothing when its condition may not hold. Every fact keeps the
// statements it comes from, so a finding can point at all of them.
//
// Built once per document (PolicyContext::effective_access()); rules ask it
// questions instead of re-reading Action and Resource strings.
#include <optional>
#include <span>
#include <vector>

#include "analysis/action_set.hpp"
#include "analysis/condition_analysis.hpp"
#include "analysis/policy_facts.hpp"
#include "analysis/resource_analysis.hpp"
#include "policylint/policy.hpp"

namespace policylint::analysis {

/// What one Allow statement grants.
struct StatementGrant {
  const Statement* statement = nullptr;
  /// The actions it grants: those its Action names (or its NotAction leaves
  /// out), less those a Deny of the policy always takes away.
  ActionSet actions;
  ConditionAnalysis condition;
  /// Deny statements that took some of its actions away.
  std::vector<const Statement*> denied_by;
  /// It grants every IAM permissions-management action on every resource,
  /// which lets the holder grant itself anything: equivalent to "*" on "*".
  bool admin = false;

  /// Its condition lets it grant (fully, or narrowed only a little).
  bool in_effect() const noexcept { return condition.verdict <= ConditionVerdict::weakly_restricting; }
};

/// One statement's grant of one action, with how far it reaches.
struct Grant {
  const StatementGrant* statement = nullptr;
  ResourceReach resources;
};

class EffectiveAccess {
 public:
  /// Builds the model of `policy`, judging time conditions as of `today`.
  EffectiveAccess(const Policy& policy, Day today);
  /// The same, taking the statements' actions from (and adding them to) the
  /// facts the rules share, so no pattern is expanded twice.
  EffectiveAccess(const Policy& policy, Day today, PolicyFacts& facts);

  /// The Allow statements whose condition can hold, in source order.
  std::span<const StatementGrant> allows() const noexcept { return allows_; }

  /// The grants of `action`, widest reach first and, among equals, least
  /// restricted by its condition first. Statements whose condition restricts
  /// are included: callers decide what a restriction is worth.
  std::vector<Grant> grants_of(catalog::ActionView action) const;

  /// True when some statement is equivalent to administrator access.
  bool has_admin() const noexcept;

 private:
  std::vector<StatementGrant> allows_;
};

/// The IAM actions that change permissions (access level "Permissions
/// management"): holding all of them on "*" is holding everything.
const ActionSet& iam_permissions_management();

}  // namespace policylint::analysis
