#pragma once
// Walks every condition entry of a policy with its statement and parsed
// operator, so condition rules share one traversal.
#include <optional>

#include "analysis/condition_operator.hpp"
#include "policylint/policy.hpp"

namespace policylint::analysis {

/// One key of one operator block, with where it stands.
struct ConditionSite {
  const Statement& statement;
  const ConditionBlock& block;
  const std::optional<ConditionOperator>& op;  ///< empty for an unknown operator
  const ConditionEntry& entry;
};

/// Calls visit(const ConditionSite&) for every key of every operator block.
template <typename Visitor>
void for_each_condition_entry(const Policy& policy, Visitor&& visit) {
  for (const Statement& statement : policy.statements) {
    for (const ConditionBlock& block : statement.condition.blocks) {
      const std::optional<ConditionOperator> op = parse_condition_operator(block.op);
      for (const ConditionEntry& entry : block.entries) {
        visit(ConditionSite{statement, block, op, entry});
      }
    }
  }
}

}  // namespace policylint::analysis
