#pragma once
// Walks the value-list elements of a statement, so rules that judge every
// list the same way (types, emptiness) need no list of their own.
#include "policylint/policy.hpp"

namespace policylint::analysis {

/// Calls `visit(const ValueList&, bool is_condition)` for each present Action, NotAction,
/// Resource, NotResource, principal group list and condition value list.
template <typename Visitor>
void for_each_value_list(const Statement& statement, Visitor&& visit) {
  for (const ValueList* list : {&statement.action, &statement.not_action, &statement.resource,
                                &statement.not_resource}) {
    if (list->present) {
      visit(*list, false);
    }
  }
  for (const PrincipalElement* principal : {&statement.principal, &statement.not_principal}) {
    for (const PrincipalGroup& group : principal->groups) {
      if (group.values.present) {
        visit(group.values, false);
      }
    }
  }
  for (const ConditionBlock& block : statement.condition.blocks) {
    for (const ConditionEntry& entry : block.entries) {
      visit(entry.values, true);
    }
  }
}

}  // namespace policylint::analysis
