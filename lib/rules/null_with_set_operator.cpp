#include <string>

#include "analysis/condition_operator.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  for (const Statement& statement : context.policy().statements) {
    for (const ConditionBlock& block : statement.condition.blocks) {
      const auto op = analysis::parse_condition_operator(block.op);
      if (!op || op->base->family != analysis::OperatorFamily::null || op->set == analysis::SetQualifier::none) {
        continue;
      }
      // A set operator over no values: ForAllValues holds and ForAnyValue
      // fails when the request lacks the key, whatever the Null value says.
      const bool all = op->set == analysis::SetQualifier::for_all_values;
      context.report(block.op_range,
                     "\"" + block.op +
                         "\" puts a set operator on Null, which tests whether the key is in the "
                         "request, not its values: when the key is absent, " +
                         std::string(all ? "ForAllValues" : "ForAnyValue") + " makes the test " +
                         (all ? "always hold" : "always fail") + " whatever the value says; write \"Null\"",
                     &statement, block.op);
    }
  }
}

}  // namespace

extern const Rule null_with_set_operator{
    {"PL232", "null-with-set-operator", Severity::warning, Category::validity,
     "The Null condition operator with ForAllValues or ForAnyValue"},
    check,
};

}  // namespace policylint::rules
