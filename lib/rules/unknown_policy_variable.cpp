#include "analysis/condition_keys.hpp"
#include "analysis/policy_variables.hpp"
#include "analysis/value_part.hpp"
#include "rules/rule.hpp"
#include "analysis/statement_elements.hpp"

namespace policylint::rules {
namespace {

void check_value(PolicyContext& context, const Statement& statement, const Value& value) {
  if (value.kind != JsonKind::string || !analysis::has_policy_variable(value.text)) {
    return;
  }
  const std::string_view source = *context.document().source;
  for (const analysis::PolicyVariable& variable : analysis::find_policy_variables(value.text)) {
    if (variable.problem != analysis::VariableProblem::none || variable.escape) {
      continue;
    }
    const analysis::KeyStatus status = analysis::look_up_condition_key(variable.name).status;
    if (status == analysis::KeyStatus::known || status == analysis::KeyStatus::provider_key) {
      continue;
    }
    const std::string name(variable.name);
    context.report(analysis::part_range(source, value, variable.offset, variable.end()),
                   "${" + name + "} names no known condition key, so it never resolves" +
                       (variable.has_default ? " (its default is always used)"
                                             : ": a Resource with it matches nothing and a condition with it "
                                               "never matches") +
                       "; use a request key such as ${aws:username}, ${aws:userid} or ${aws:PrincipalTag/<tag-key>}",
                   &statement, value.text);
  }
}

void check(PolicyContext& context) {
  const Policy& policy = context.policy();
  if (!analysis::variables_substituted(policy)) {
    return;
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

extern const Rule unknown_policy_variable{
    {"PL227", "unknown-policy-variable", Severity::warning, Category::validity,
     "A policy variable naming no known condition key"},
    check,
};

}  // namespace policylint::rules
