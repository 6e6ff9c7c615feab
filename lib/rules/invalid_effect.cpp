#include "text/text.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  for (const Statement& statement : context.policy().statements) {
    const Value& value = statement.effect_element.value;
    if (statement.effect != Effect::invalid || value.kind != JsonKind::string) {
      continue;  // wrong-type reports non-strings
    }
    std::string message = "Effect must be exactly \"Allow\" or \"Deny\", not \"" + value.text + "\"";
    if (equal_ignoring_case(value.text, "allow") || equal_ignoring_case(value.text, "deny")) {
      message += "; the value is case-sensitive";
    }
    context.report(value.range, std::move(message), &statement, value.text);
  }
}

}  // namespace

extern const Rule invalid_effect{
    {"PL108", "invalid-effect", Severity::error, Category::syntax, "Effect is not exactly Allow or Deny"},
    check,
};

}  // namespace policylint::rules
