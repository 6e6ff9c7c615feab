#include "analysis/statement_elements.hpp"
#include "rules/syntax_issue_rule.hpp"

namespace policylint::rules {
namespace {

std::string_view name_of(JsonKind kind) noexcept { return to_string(kind); }

void check_scalar(PolicyContext& context, const ScalarElement& element, const Statement* statement) {
  if (element.present && element.value.kind != JsonKind::string) {
    context.report(element.value.range,
                   element.key + " must be a string, not " + std::string(name_of(element.value.kind)) +
                       "; put the value in double quotes",
                   statement, element.key);
  }
}

void check_list(PolicyContext& context, const ValueList& list, bool is_condition, const Statement& statement) {
  for (const Value& value : list.values) {
    const bool scalar = value.kind == JsonKind::string ||
                        (is_condition && (value.kind == JsonKind::number || value.kind == JsonKind::boolean));
    if (scalar) {
      continue;
    }
    const std::string expected = is_condition ? "a string, number or boolean" : "a string";
    const std::string where = list.was_array ? "each value of " + list.key : list.key;
    context.report(value.range,
                   where + " must be " + expected + ", not " + std::string(name_of(value.kind)) +
                       (list.was_array ? "" : "; use a string or an array of strings"),
                   &statement, list.key);
  }
}

void check(PolicyContext& context) {
  report_syntax_issues(context, SyntaxIssueKind::wrong_type, "");
  const Policy& policy = context.policy();
  check_scalar(context, policy.version, nullptr);
  check_scalar(context, policy.id, nullptr);
  for (const Statement& statement : policy.statements) {
    check_scalar(context, statement.sid, &statement);
    check_scalar(context, statement.effect_element, &statement);
    analysis::for_each_value_list(statement, [&](const ValueList& list, bool is_condition) {
      check_list(context, list, is_condition, statement);
    });
  }
}

}  // namespace

extern const Rule wrong_type{
    {"PL106", "wrong-type", Severity::error, Category::syntax, "An element's value has the wrong JSON type"},
    check,
};

}  // namespace policylint::rules
