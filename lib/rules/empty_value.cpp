#include "analysis/condition_operator.hpp"
#include "analysis/statement_elements.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

struct EmptyListFinding {
  std::string message;
  Severity severity;
};

/// What an empty list of values does under `op`: a positive operator
/// matches nothing, so the statement never applies (an error, as for an
/// empty Action); but IfExists, negated operators and ForAllValues hold
/// when the request lacks the key, and a negated one holds always, so the
/// statement still applies: a likely mistake, not a dead statement
/// (Access Analyzer: EMPTY_ARRAY_CONDITION_IFEXISTS and _FORALLVALUES).
EmptyListFinding empty_condition_list(const std::string& key, const std::string& op_text) {
  const auto op = analysis::parse_condition_operator(op_text);
  const std::string where = key + " under " + op_text + " has an empty list of values, so ";
  if (op && op->base->negated && op->set == analysis::SetQualifier::for_any_value && !op->if_exists) {
    // Some value of the request must differ from all of none: any value does.
    return {where + "the condition holds whenever the request has " + key +
                " and fails when it has none; list the values to rule out, or use the Null operator to test that "
                "the key is present",
            Severity::warning};
  }
  if (op && op->base->negated) {
    return {where + "the condition holds for every request and restricts nothing; list the values to rule out, or "
                    "remove the key",
            Severity::warning};
  }
  if (op && analysis::holds_when_key_absent(*op) == std::optional(true)) {
    return {where + "the condition holds only when the request has no " + key +
                " and fails whenever it has one; list the values it should accept, or use the Null operator to "
                "test that the key is absent",
            Severity::warning};
  }
  return {key + " is an empty list, so it matches nothing; list at least one value or remove the element",
          Severity::error};
}

void check_list(PolicyContext& context, const Statement& statement, const ValueList& list, bool is_condition) {
  if (list.was_array && list.values.empty() && is_condition) {
    return;  // reported with its operator by check_statement
  }
  if (list.was_array && list.values.empty()) {
    // An empty NotAction or NotResource excludes nothing: the statement then
    // applies to every action or every resource, the opposite of "nothing".
    const bool negated = list.key == "NotAction" || list.key == "NotResource";
    context.report(list.value_range,
                   negated ? list.key + " is an empty list, so it excludes nothing and the statement applies to every " +
                                 (list.key == "NotAction" ? "action" : "resource") +
                                 "; list what to exclude, or use " + list.key.substr(3) + " instead"
                           : list.key + " is an empty list, so it matches nothing; list at least one value or remove "
                                        "the element",
                   &statement, list.key);
    return;
  }
  if (is_condition) {
    return;  // an empty string is a legitimate condition value
  }
  for (const Value& value : list.values) {
    if (value.kind == JsonKind::string && value.text.empty()) {
      context.report(value.range, list.key + " contains an empty string, which matches nothing; remove it",
                     &statement, list.key);
    }
  }
}

void check_statement(PolicyContext& context, const Statement& statement) {
  analysis::for_each_value_list(statement, [&](const ValueList& list, bool is_condition) {
    check_list(context, statement, list, is_condition);
  });
  for (const PrincipalElement* principal : {&statement.principal, &statement.not_principal}) {
    if (principal->present && principal->value_kind == JsonKind::object && principal->groups.empty()) {
      context.report(principal->value_range,
                     principal->key + " is an empty object, so it names nobody; name the principals or use \"*\"",
                     &statement, principal->key);
    }
  }
  const ConditionElement& condition = statement.condition;
  if (condition.present && condition.value_kind == JsonKind::object && condition.blocks.empty()) {
    context.report(condition.value_range, "Condition is an empty object; remove it or add the conditions",
                   &statement, "Condition");
  }
  for (const ConditionBlock& block : condition.blocks) {
    if (block.was_object && block.entries.empty()) {
      context.report(block.range, "the condition operator " + block.op + " has no keys; remove it or add a key",
                     &statement, block.op);
    }
    for (const ConditionEntry& entry : block.entries) {
      if (entry.values.was_array && entry.values.values.empty()) {
        EmptyListFinding empty = empty_condition_list(entry.key, block.op);
        Finding& finding = context.report(entry.values.value_range, std::move(empty.message), &statement,
                                          entry.values.key);
        finding.severity = empty.severity;
      }
    }
  }
}

void check(PolicyContext& context) {
  for (const Statement& statement : context.policy().statements) {
    check_statement(context, statement);
  }
}

}  // namespace

extern const Rule empty_value{
    {"PL114", "empty-value", Severity::error, Category::syntax,
     "An empty list, object or string where a value is needed"},
    check,
};

}  // namespace policylint::rules
