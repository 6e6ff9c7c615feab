#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  for (const Statement& statement : context.policy().statements) {
    if (statement.effect == Effect::allow && statement.not_principal.present) {
      context.report(statement.not_principal.key_range,
                     "Allow with NotPrincipal grants the statement's access to every principal not listed, anonymous "
                     "callers included: use Principal with the principals that need access, or Principal \"*\" with "
                     "an aws:PrincipalArn condition",
                     &statement);
    }
  }
}

}  // namespace

extern const Rule allow_with_not_principal{
    {"PL411", "allow-with-not-principal", Severity::security, Category::public_access,
     "An Allow statement uses NotPrincipal"},
    check,
};

}  // namespace policylint::rules
