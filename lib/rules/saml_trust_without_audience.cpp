#include "rules/principals.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  for_each_trusted_principal(
      context, analysis::PrincipalKind::saml_provider,
      [](const Statement& statement) {
        return statement.effect == Effect::allow && analysis::required_values(statement.condition, "SAML:aud").empty();
      },
      [&](const Statement& statement, const analysis::PrincipalRef& principal) {
        context.report(principal.range,
                       "SAML assertions meant for any other service provider can be used to assume this role: "
                       "require \"SAML:aud\" with StringEquals \"https://signin.aws.amazon.com/saml\" (or your "
                       "region's sign-in endpoint)",
                       &statement, std::string(principal.text));
      });
}

}  // namespace

extern const Rule saml_trust_without_audience{
    {"PL404", "saml-trust-without-audience", Severity::warning, Category::federation,
     "A SAML trust policy does not check SAML:aud"},
    check,
};

}  // namespace policylint::rules
