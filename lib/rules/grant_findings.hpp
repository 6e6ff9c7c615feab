#pragma once
// What the effective-access rules (PL300-PL311) share: which policies they
// judge, where a statement names an action, how findings list actions, and
// the check of the rules that report sensitive actions granted on every
// resource (data access, credentials, resource policies, defense evasion).
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/action_set.hpp"
#include "analysis/effective_access.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {

/// True when the policy grants to whoever holds it (an identity policy). The
/// other types only limit (SCPs, boundaries, session policies) or grant to a
/// named principal on one resource (resource and trust policies), where
/// "Resource": "*" means "this resource".
bool grants_to_holder(const PolicyContext& context) noexcept;

/// Calls `visit(grant)` for every Allow in effect of a policy that grants to
/// its holder, except those equivalent to administrator access, which are
/// admin-access's (PL300) alone.
template <class Visit>
void for_each_holder_grant(PolicyContext& context, Visit visit) {
  if (!grants_to_holder(context)) {
    return;
  }
  for (const analysis::StatementGrant& grant : context.effective_access().allows()) {
    if (!grant.admin && grant.in_effect()) {
      visit(grant);
    }
  }
}

/// Where the statement names `action`: the first Action value matching it,
/// or the NotAction key when the action is granted by what NotAction leaves.
SourceRange where_named(const Statement& statement, catalog::ActionView action);

/// Where the statement's resources are: the given Resource value, or the
/// NotResource key.
SourceRange where_resources(const Statement& statement, const Value* value) noexcept;

/// "a, b, c and 7 more": the first `limit` names.
std::string list_actions(std::span<const catalog::ActionView> actions, std::size_t limit = 10);

/// One step less severe; a suggestion stays a suggestion.
Severity lowered(Severity severity) noexcept;

/// Reports a finding about what `grant` grants: `what`, then why its
/// condition matters when it narrows the grant only a little (which also
/// lowers `severity` one step), then "; <fix>".
Finding& report_grant(PolicyContext& context, const analysis::StatementGrant& grant, SourceRange range,
                      std::string_view what, std::string_view fix, Severity severity, std::string subject);

/// Sensitive actions a rule reports when a statement grants them on every resource.
struct SensitiveActions {
  /// In the stable order. A group is a few dozen actions and a grant
  /// thousands, so each action is tested against the grant.
  std::span<const catalog::ActionView> actions;
  std::string_view effect;  ///< what holding them does, e.g. "lets the holder read secrets"
  std::string_view fix;     ///< how to fix it, e.g. "name the secrets it needs in Resource"
  Severity severity;
};

/// Reports, once per statement and group, the group's actions the statement
/// grants on every resource. Statements equivalent to administrator access
/// are left to PL300, and statements whose condition restricts who or what
/// are quiet; a condition that narrows only a little lowers the severity.
void report_unscoped_grants(PolicyContext& context, std::span<const SensitiveActions> groups);

}  // namespace policylint::rules
