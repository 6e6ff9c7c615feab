#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

bool requires_principal(PolicyType type) noexcept {
  return type == PolicyType::resource || type == PolicyType::trust || type == PolicyType::rcp ||
         type == PolicyType::endpoint;
}

void check(PolicyContext& context) {
  if (!requires_principal(context.policy_type())) {
    return;
  }
  for (const Statement& statement : context.policy().statements) {
    if (statement.was_object && !statement.principal.present && !statement.not_principal.present) {
      context.report(SourceRange{statement.range.begin, statement.range.begin},
                     "a " + std::string(to_string(context.policy_type())) +
                         " policy statement needs a Principal saying whom it applies to",
                     &statement);
    }
  }
}

}  // namespace

extern const Rule missing_principal{
    {"PL112", "missing-principal", Severity::error, Category::syntax,
     "A resource, trust, RCP or endpoint policy statement has no Principal"},
    check,
};

}  // namespace policylint::rules
