#include <algorithm>
#include <array>

#include "analysis/principal_analysis.hpp"
#include "text/text.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

struct SessionAction {
  std::string_view action;
  std::array<std::string_view, 2> limiting_keys;  ///< conditions that limit what the caller may set
  std::string_view risk;
};

constexpr std::array<SessionAction, 2> kSessionActions = {{
    {"sts:TagSession", {"aws:TagKeys", "aws:RequestTag/"},
     "lets the caller choose the session's tags, which attribute-based (ABAC) policies and aws:PrincipalTag "
     "conditions trust; limit them with aws:TagKeys or aws:RequestTag/<key>"},
    {"sts:SetSourceIdentity", {"sts:SourceIdentity", ""},
     "lets the caller choose the source identity recorded for the session; pin it with sts:SourceIdentity (e.g. "
     "\"${saml:sub}\" or the caller's user name)"},
}};

bool limited(const ConditionElement& condition, const SessionAction& action) {
  for (const ConditionBlock& block : condition.blocks) {
    for (const ConditionEntry& entry : block.entries) {
      for (const std::string_view key : action.limiting_keys) {
        if (!key.empty() && (key.ends_with('/') ? starts_with_ignoring_case(entry.key, key)
                                                : equal_ignoring_case(entry.key, key))) {
          return true;
        }
      }
    }
  }
  return false;
}

bool names_aws_principal(const Statement& statement) {
  const auto principals = analysis::principals_of(statement.principal);
  return std::any_of(principals.begin(), principals.end(), [](const analysis::PrincipalRef& p) {
    using analysis::PrincipalKind;
    return p.kind == PrincipalKind::everyone || p.kind == PrincipalKind::account || p.kind == PrincipalKind::iam_user ||
           p.kind == PrincipalKind::iam_role || p.kind == PrincipalKind::session;
  });
}

void check(PolicyContext& context) {
  if (context.policy_type() != PolicyType::trust) {
    return;
  }
  for (const Statement& statement : context.policy().statements) {
    // Services (Roles Anywhere) and identity providers (SAML, OIDC) set the
    // tags and source identity from what they vouch for; AWS principals
    // choose them freely.
    if (statement.effect != Effect::allow || !statement.action.present || !names_aws_principal(statement)) {
      continue;
    }
    for (const Value& action : statement.action.values) {
      for (const SessionAction& session : kSessionActions) {
        if (equal_ignoring_case(action.text, session.action) && !limited(statement.condition, session)) {
          context.report(action.range, std::string(session.action) + " " + std::string(session.risk), &statement,
                         std::string(session.action));
        }
      }
    }
  }
}

}  // namespace

extern const Rule trust_allows_session_tags{
    {"PL407", "trust-allows-session-tags", Severity::suggestion, Category::privilege_escalation,
     "A trust policy lets the caller set session tags or the source identity without limits"},
    check,
};

}  // namespace policylint::rules
