#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  for (const Statement& statement : context.policy().statements) {
    if (statement.was_object && !statement.action.present && !statement.not_action.present) {
      context.report(SourceRange{statement.range.begin, statement.range.begin},
                     "this statement has neither Action nor NotAction; add \"Action\": [ ... ]", &statement);
    }
  }
}

}  // namespace

extern const Rule missing_action{
    {"PL110", "missing-action", Severity::error, Category::syntax, "A statement has neither Action nor NotAction"},
    check,
};

}  // namespace policylint::rules
