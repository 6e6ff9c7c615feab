#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  for (const Statement& statement : context.policy().statements) {
    if (statement.was_object && statement.effect == Effect::missing) {
      context.report(SourceRange{statement.range.begin, statement.range.begin},
                     "this statement has no Effect; add \"Effect\": \"Allow\" or \"Effect\": \"Deny\"", &statement);
    }
  }
}

}  // namespace

extern const Rule missing_effect{
    {"PL107", "missing-effect", Severity::error, Category::syntax, "A statement has no Effect"},
    check,
};

}  // namespace policylint::rules
