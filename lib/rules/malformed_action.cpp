#include "analysis/policy_facts.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

std::string_view problem(analysis::ActionShape shape) noexcept {
  using analysis::ActionShape;
  switch (shape) {
    case ActionShape::missing_colon: return "has no colon between the service prefix and the action name";
    case ActionShape::empty_service: return "has no service prefix before the colon";
    case ActionShape::empty_name: return "has no action name after the colon";
    case ActionShape::extra_colon: return "has more than one colon";
    case ActionShape::whitespace: return "contains whitespace";
    case ActionShape::valid:
    case ActionShape::has_variable: break;
  }
  return {};
}

void check(PolicyContext& context) {
  for (const Statement& statement : context.policy().statements) {
    for (const Value& value : statement.actions().values) {
      if (value.kind != JsonKind::string || value.text.empty()) {
        continue;  // wrong types and empty strings are syntax findings
      }
      const analysis::ActionShape shape = context.facts().action_entry(value).shape;
      if (shape == analysis::ActionShape::valid || shape == analysis::ActionShape::has_variable) {
        continue;  // variables in actions are variable-not-allowed-here's finding
      }
      context.report(value.range,
                     "the action \"" + value.text + "\" " + std::string(problem(shape)) +
                         ", so it matches no action; write it as \"service:ActionName\" (e.g. \"s3:GetObject\") or \"*\"",
                     &statement, value.text);
    }
  }
}

}  // namespace

extern const Rule malformed_action{
    {"PL200", "malformed-action", Severity::error, Category::validity,
     "An action that is not of the form service:ActionName"},
    check,
};

}  // namespace policylint::rules
