#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check_pair(PolicyContext& context, const Statement& statement, const ElementPlace& positive,
                const ElementPlace& negative) {
  if (positive.present && negative.present) {
    context.report(negative.key_range,
                   "a statement may have " + positive.key + " or " + negative.key + ", not both; keep one",
                   &statement, negative.key);
  }
}

void check(PolicyContext& context) {
  for (const Statement& statement : context.policy().statements) {
    check_pair(context, statement, statement.action, statement.not_action);
    check_pair(context, statement, statement.resource, statement.not_resource);
    check_pair(context, statement, statement.principal, statement.not_principal);
  }
}

}  // namespace

extern const Rule conflicting_elements{
    {"PL109", "conflicting-elements", Severity::error, Category::syntax,
     "A statement has both an element and its Not form"},
    check,
};

}  // namespace policylint::rules
