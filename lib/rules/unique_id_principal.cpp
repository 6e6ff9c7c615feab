#include "rules/principals.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  for_each_principal(context, [&](const Statement& statement, const analysis::PrincipalRef& principal) {
    if (principal.kind != analysis::PrincipalKind::unique_id) {
      return;
    }
    const std::string entity = principal.text.starts_with("AROA") ? "role" : "user";
    context.report(principal.range,
                   "\"" + std::string(principal.text) + "\" is the unique id of a deleted " + entity +
                       ": IAM shows the id once the " + entity +
                       " it stood for is gone, and a new one of the same name does not get the grant back; remove "
                       "it, or write the new " + entity + "'s ARN",
                   &statement, std::string(principal.text));
  });
}

}  // namespace

extern const Rule unique_id_principal{
    {"PL413", "unique-id-principal", Severity::warning, Category::hygiene,
     "A principal is given as a unique id (a deleted user or role)"},
    check,
};

}  // namespace policylint::rules
