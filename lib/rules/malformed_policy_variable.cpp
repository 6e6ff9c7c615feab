#include "analysis/policy_variables.hpp"
#include "analysis/value_part.hpp"
#include "rules/rule.hpp"
#include "analysis/statement_elements.hpp"

namespace policylint::rules {
namespace {

using analysis::VariableProblem;

std::string_view advice(VariableProblem problem) noexcept {
  switch (problem) {
    case VariableProblem::missing_brace: return "is missing its closing brace; end it with }";
    case VariableProblem::empty: return "names no key; write the key, e.g. ${aws:username}";
    case VariableProblem::space: return "has a space in its name; remove it, e.g. ${aws:username}";
    case VariableProblem::bad_default:
      return "has a default not written as \", 'value'\" (comma, one space, the value in single quotes), "
             "e.g. ${aws:PrincipalTag/team, 'none'}";
    case VariableProblem::none: break;
  }
  return {};
}

void check_value(PolicyContext& context, const Statement& statement, const Value& value) {
  if (value.kind != JsonKind::string || !analysis::has_policy_variable(value.text)) {
    return;
  }
  const std::string_view source = *context.document().source;
  for (const analysis::PolicyVariable& variable : analysis::find_policy_variables(value.text)) {
    if (variable.problem == VariableProblem::none) {
      continue;
    }
    const std::string written = value.text.substr(variable.offset, variable.size);
    context.report(analysis::part_range(source, value, variable.offset, variable.end()),
                   "the policy variable \"" + written + "\" " + std::string(advice(variable.problem)) +
                       "; IAM rejects or never resolves a malformed variable",
                   &statement, value.text);
  }
}

void check(PolicyContext& context) {
  const Policy& policy = context.policy();
  if (!analysis::variables_substituted(policy)) {
    return;  // variable-without-version reports "${" under other versions
  }
  for (const Statement& statement : policy.statements) {
    analysis::for_each_value_list(statement, [&](const ValueList& list, bool) {
      for (const Value& value : list.values) {
        check_value(context, statement, value);
      }
    });
  }
}

}  // namespace

extern const Rule malformed_policy_variable{
    {"PL226", "malformed-policy-variable", Severity::error, Category::validity,
     "A policy variable with a missing brace, no name, a space or a badly quoted default"},
    check,
};

}  // namespace policylint::rules
