#include <string>

#include "analysis/principal_analysis.hpp"
#include "rules/rule.hpp"
#include "rules/trust_actions.hpp"

namespace policylint::rules {
namespace {

// The STS call each kind of principal assumes a role with; null for the kinds
// this rule does not judge (everyone, malformed principals).
const char* assume_action(analysis::PrincipalKind kind) noexcept {
  using analysis::PrincipalKind;
  switch (kind) {
    case PrincipalKind::saml_provider:
      return "sts:AssumeRoleWithSAML";
    case PrincipalKind::oidc_provider:
    case PrincipalKind::cognito:
      return "sts:AssumeRoleWithWebIdentity";
    case PrincipalKind::account:
    case PrincipalKind::iam_user:
    case PrincipalKind::iam_role:
    case PrincipalKind::session:
    case PrincipalKind::unique_id:
    case PrincipalKind::service:
      return "sts:AssumeRole";
    default:
      return nullptr;
  }
}

// A statement that grants one of the three assume calls is meant to let its
// principals assume the role; one granting only sts:TagSession and the like
// complements another statement and is not judged.
bool grants_an_assume_call(const Statement& statement) {
  return grants_action(statement, "sts:AssumeRole") || grants_action(statement, "sts:AssumeRoleWithSAML") ||
         grants_action(statement, "sts:AssumeRoleWithWebIdentity");
}

void check(PolicyContext& context) {
  if (context.policy_type() != PolicyType::trust) {
    return;
  }
  for (const Statement& statement : context.policy().statements) {
    if (statement.effect != Effect::allow || !statement.action.present || !grants_an_assume_call(statement)) {
      continue;
    }
    for (const analysis::PrincipalRef& principal : analysis::principals_of(statement.principal)) {
      const char* needed = assume_action(principal.kind);
      if (needed == nullptr || grants_action(statement, needed)) {
        continue;
      }
      context.report(principal.range,
                     "\"" + std::string(principal.text) + "\" can only assume a role with \"" + needed +
                         "\", which this statement does not grant, so the statement never lets it in: add \"" + needed +
                         "\" to Action, or move the principal to a statement that grants it",
                     &statement, std::string(principal.text));
    }
  }
}

}  // namespace

extern const Rule trust_action_mismatch{
    {"PL444", "trust-action-mismatch", Severity::error, Category::validity,
     "A trust statement does not grant the STS action its principal assumes roles with"},
    check,
};

}  // namespace policylint::rules
