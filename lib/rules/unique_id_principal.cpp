#include "analysis/principal_analysis.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(RuleContext& context) {
  for (const Statement& statement : context.policy().statements) {
    for (const PrincipalElement* element : {&statement.principal, &statement.not_principal}) {
      for (const analysis::PrincipalRef& principal : analysis::principals_of(*element)) {
        if (principal.kind != analysis::PrincipalKind::unique_id) {
          continue;
        }
        const std::string_view entity = principal.text.starts_with("AROA") ? "role" : "user";
        context.report(principal.range,
                       "\"" + std::string(principal.text) + "\" is the unique id of a deleted " + std::string(entity) +
                           ": IAM shows the id once the " + std::string(entity) +
                           " it stood for is gone, and a new one of the same name does not get the grant back; "
                           "remove it, or write the new " + std::string(entity) + "'s ARN",
                       &statement, std::string(principal.text));
      }
    }
  }
}

}  // namespace

extern const Rule unique_id_principal{
    {"PL413", "unique-id-principal", Severity::warning, Category::hygiene,
     "A principal is given as a unique id (a deleted user or role)"},
    RuleInput::policy,
    check,
};

}  // namespace policylint::rules
