#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  const Policy& policy = context.policy();
  if (policy.statement_element.present && policy.statement_element.value_kind == JsonKind::array &&
      policy.statements.empty()) {
    context.report(policy.statement_element.value_range,
                   "Statement is an empty list, so the policy does nothing; add a statement or delete the policy");
  }
}

}  // namespace

extern const Rule empty_statement{
    {"PL105", "empty-statement", Severity::error, Category::syntax, "Statement is an empty list"},
    check,
};

}  // namespace policylint::rules
