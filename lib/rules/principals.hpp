#pragma once
// Walks over the principals a policy names, for the rules about them: every
// principal of every statement, or, for the role trust rules (PL401-PL405,
// PL441), one kind of principal in the trust statements a rule looks at.
#include <string>
#include <string_view>

#include "analysis/principal_analysis.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {

/// Calls `visit(statement, principal)` for every principal named in the
/// Principal or NotPrincipal of any statement.
template <class Visit>
void for_each_principal(PolicyContext& context, Visit visit) {
  for (const Statement& statement : context.policy().statements) {
    for (const PrincipalElement* element : {&statement.principal, &statement.not_principal}) {
      for (const analysis::PrincipalRef& principal : analysis::principals_of(*element)) {
        visit(statement, principal);
      }
    }
  }
}

/// A statement filter for for_each_trusted_principal: every Allow.
inline bool is_allow(const Statement& statement) noexcept { return statement.effect == Effect::allow; }

/// In a trust policy, calls `visit(statement, principal)` for every
/// principal of `kind` in the statements `wanted(statement)` accepts.
template <class Wanted, class Visit>
void for_each_trusted_principal(PolicyContext& context, analysis::PrincipalKind kind, Wanted wanted, Visit visit) {
  if (context.policy_type() != PolicyType::trust) {
    return;
  }
  for (const Statement& statement : context.policy().statements) {
    if (!wanted(statement)) {
      continue;
    }
    for (const analysis::PrincipalRef& principal : analysis::principals_of(statement.principal)) {
      if (principal.kind == kind) {
        visit(statement, principal);
      }
    }
  }
}

/// "\"a\" and \"b\"", "\"a\"" or "\"b\"": the condition keys a statement lacks
/// of two it needs (at least one is missing).
inline std::string missing_keys(std::string_view a, bool has_a, std::string_view b, bool has_b) {
  const std::string quoted_a = "\"" + std::string(a) + "\"";
  const std::string quoted_b = "\"" + std::string(b) + "\"";
  if (!has_a && !has_b) {
    return quoted_a + " and " + quoted_b;
  }
  return has_a ? quoted_b : quoted_a;
}

}  // namespace policylint::rules
