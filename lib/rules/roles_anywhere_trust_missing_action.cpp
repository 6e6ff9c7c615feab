#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "rules/principals.hpp"
#include "rules/trust_actions.hpp"
#include "text/text.hpp"

namespace policylint::rules {
namespace {

constexpr std::string_view kRolesAnywhere = "rolesanywhere.amazonaws.com";

// IAM Roles Anywhere always sets the session's source identity and tags from
// the certificate, so the role must let it do all three or no session starts.
constexpr std::array<std::string_view, 3> kRequired = {"sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"};

void check(PolicyContext& context) {
  if (context.policy_type() != PolicyType::trust) {
    return;
  }
  std::vector<const Statement*> statements;
  const Statement* first_statement = nullptr;
  analysis::PrincipalRef first_principal;
  for (const Statement& statement : context.policy().statements) {
    if (statement.effect != Effect::allow) {
      continue;
    }
    for (const analysis::PrincipalRef& principal : analysis::principals_of(statement.principal)) {
      if (principal.kind != analysis::PrincipalKind::service || !equal_ignoring_case(principal.text, kRolesAnywhere)) {
        continue;
      }
      if (statement.actions_negated()) {
        return;  // NotAction grants what it does not list: say nothing
      }
      if (first_statement == nullptr) {
        first_statement = &statement;
        first_principal = principal;
      }
      statements.push_back(&statement);
      break;
    }
  }
  if (first_statement == nullptr) {
    return;
  }
  std::string missing;
  for (const std::string_view action : kRequired) {
    const bool granted = std::any_of(statements.begin(), statements.end(),
                                     [&](const Statement* s) { return grants_action(*s, action); });
    if (!granted) {
      missing += (missing.empty() ? "\"" : ", \"") + std::string(action) + "\"";
    }
  }
  if (missing.empty()) {
    return;
  }
  context.report(first_principal.range,
                 "IAM Roles Anywhere sets the source identity and session tags of every session it starts, so it "
                 "needs \"sts:AssumeRole\", \"sts:SetSourceIdentity\" and \"sts:TagSession\" and cannot assume this "
                 "role without " +
                     missing + ": add what is missing to the statement's Action",
                 first_statement, std::string(kRolesAnywhere));
}

}  // namespace

extern const Rule roles_anywhere_trust_missing_action{
    {"PL443", "roles-anywhere-trust-missing-action", Severity::error, Category::validity,
     "A trust policy for IAM Roles Anywhere lacks sts:AssumeRole, sts:SetSourceIdentity or sts:TagSession"},
    check,
};

}  // namespace policylint::rules
