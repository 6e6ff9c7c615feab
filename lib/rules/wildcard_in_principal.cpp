#include "rules/principals.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  for_each_principal(context, [&](const Statement& statement, const analysis::PrincipalRef& principal) {
    if (principal.value != nullptr && analysis::has_partial_wildcard(principal.text)) {
      context.report(principal.range,
                     "\"" + std::string(principal.text) +
                         "\": wildcards are not allowed inside a principal, only \"*\" alone (everyone); name the "
                         "principals, or use Principal \"*\" with an ArnLike aws:PrincipalArn condition",
                     &statement, std::string(principal.text));
    }
  });
}

}  // namespace

extern const Rule wildcard_in_principal{
    {"PL412", "wildcard-in-principal", Severity::error, Category::validity,
     "A principal value holds a wildcard"},
    check,
};

}  // namespace policylint::rules
