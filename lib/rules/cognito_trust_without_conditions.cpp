#include "rules/principals.hpp"

namespace policylint::rules {
namespace {

constexpr std::string_view kAudience = "cognito-identity.amazonaws.com:aud";
constexpr std::string_view kAuthentication = "cognito-identity.amazonaws.com:amr";

void check(PolicyContext& context) {
  for_each_trusted_principal(
      context, analysis::PrincipalKind::cognito, is_allow,
      [&](const Statement& statement, const analysis::PrincipalRef& principal) {
        const bool audience = !analysis::required_values(statement.condition, kAudience).empty();
        const bool authentication = !analysis::required_values(statement.condition, kAuthentication).empty();
        if (audience && authentication) {
          return;
        }
        context.report(principal.range,
                       "identities of any Cognito identity pool, in any account, can assume this role: require " +
                           missing_keys(kAudience, audience, kAuthentication, authentication) +
                           " (aud StringEquals your identity pool id; amr ForAnyValue:StringLike \"authenticated\" "
                           "or \"unauthenticated\")",
                       &statement, std::string(principal.text));
      });
}

}  // namespace

extern const Rule cognito_trust_without_conditions{
    {"PL405", "cognito-trust-without-conditions", Severity::security, Category::federation,
     "A Cognito trust policy does not pin the identity pool and authentication type"},
    check,
};

}  // namespace policylint::rules
