#include "analysis/condition_operator.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  for (const Statement& statement : context.policy().statements) {
    for (const ConditionBlock& block : statement.condition.blocks) {
      const auto op = analysis::parse_condition_operator(block.op);
      if (!op || op->base->family != analysis::OperatorFamily::null || !op->if_exists) {
        continue;
      }
      context.report(block.op_range,
                     "\"" + block.op + "\" combines Null with IfExists, which IAM rejects: Null already tests "
                     "whether the key exists; write \"Null\"",
                     &statement, block.op);
    }
  }
}

}  // namespace

extern const Rule null_with_if_exists{
    {"PL213", "null-with-if-exists", Severity::error, Category::validity,
     "The Null condition operator with an IfExists suffix"},
    check,
};

}  // namespace policylint::rules
