#include <array>

#include "rules/principals.hpp"

namespace policylint::rules {
namespace {

// The claims that name the audience (the app the token was issued to) and
// the subject (who it was issued for), by the names providers give them.
constexpr std::array<std::string_view, 4> kAudienceClaims = {"aud", "azp", "app_id", "oaud"};
constexpr std::array<std::string_view, 3> kSubjectClaims = {"sub", "user_id", "id"};

template <std::size_t N>
bool requires_a_claim(const ConditionElement& condition, std::string_view provider,
                      const std::array<std::string_view, N>& claims) {
  for (const std::string_view claim : claims) {
    const std::string key = std::string(provider) + ":" + std::string(claim);
    if (!analysis::required_values(condition, key).empty()) {
      return true;
    }
  }
  return false;
}

void check(PolicyContext& context) {
  for_each_trusted_principal(
      context, analysis::PrincipalKind::oidc_provider, is_allow,
      [&](const Statement& statement, const analysis::PrincipalRef& principal) {
        const std::string provider(principal.provider);
        const bool audience = requires_a_claim(statement.condition, provider, kAudienceClaims);
        // GitHub's subject has its own rule (PL403), which also judges its value.
        const bool subject = provider == "token.actions.githubusercontent.com" ||
                             requires_a_claim(statement.condition, provider, kSubjectClaims);
        if (audience && subject) {
          return;
        }
        context.report(principal.range,
                       "any token the OIDC provider " + provider + " issues can assume this role: require " +
                           missing_keys(provider + ":aud", audience, provider + ":sub", subject) +
                           " with StringEquals so only your application's tokens for the intended subject are "
                           "accepted",
                       &statement, provider);
      });
}

}  // namespace

extern const Rule oidc_trust_without_conditions{
    {"PL402", "oidc-trust-without-conditions", Severity::security, Category::federation,
     "An OIDC trust policy does not pin the token's audience and subject"},
    check,
};

}  // namespace policylint::rules
