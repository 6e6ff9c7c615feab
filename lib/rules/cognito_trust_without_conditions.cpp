#include "analysis/principal_analysis.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

constexpr std::string_view kAudience = "cognito-identity.amazonaws.com:aud";
constexpr std::string_view kAuthentication = "cognito-identity.amazonaws.com:amr";

void check(RuleContext& context) {
  if (context.policy_type() != PolicyType::trust) {
    return;
  }
  for (const Statement& statement : context.policy().statements) {
    if (statement.effect != Effect::allow) {
      continue;
    }
    const bool audience = !analysis::required_values(statement.condition, kAudience).empty();
    const bool authentication = !analysis::required_values(statement.condition, kAuthentication).empty();
    if (audience && authentication) {
      continue;
    }
    for (const analysis::PrincipalRef& principal : analysis::principals_of(statement.principal)) {
      if (principal.kind != analysis::PrincipalKind::cognito) {
        continue;
      }
      const std::string missing = !audience && !authentication
                                      ? "\"" + std::string(kAudience) + "\" and \"" + std::string(kAuthentication) + "\""
                                  : !audience ? "\"" + std::string(kAudience) + "\""
                                              : "\"" + std::string(kAuthentication) + "\"";
      context.report(principal.range,
                     "identities of any Cognito identity pool, in any account, can assume this role: require " +
                         missing +
                         " (aud StringEquals your identity pool id; amr ForAnyValue:StringLike \"authenticated\" or "
                         "\"unauthenticated\")",
                     &statement, std::string(principal.text));
    }
  }
}

}  // namespace

extern const Rule cognito_trust_without_conditions{
    {"PL405", "cognito-trust-without-conditions", Severity::security, Category::federation,
     "A Cognito trust policy does not pin the identity pool and authentication type"},
    RuleInput::policy,
    check,
};

}  // namespace policylint::rules
