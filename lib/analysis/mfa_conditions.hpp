#pragma once
// The Bool tests of aws:MultiFactorAuthPresent that the MFA rules (PL430,
// PL431, PL434) judge, found one way for all of them.
#include <algorithm>
#include <vector>

#include "analysis/condition_operator.hpp"
#include "analysis/condition_values.hpp"
#include "analysis/principal_analysis.hpp"
#include "policylint/policy.hpp"

namespace policylint::analysis {

/// The operator blocks of `statement` that test aws:MultiFactorAuthPresent
/// with "Bool" (`if_exists` false) or "BoolIfExists" (true), without a set
/// qualifier, against the value `value`.
inline std::vector<const ConditionBlock*> mfa_bool_tests(const Statement& statement, bool if_exists, bool value) {
  std::vector<const ConditionBlock*> out;
  for (const auto& [block, entry] : analysis::entries_on(statement.condition, "aws:MultiFactorAuthPresent")) {
    const auto op = analysis::parse_condition_operator(block->op);
    const bool tests_value = std::any_of(entry->values.values.begin(), entry->values.values.end(),
                                         [&](const Value& v) { return analysis::parse_bool(v.text) == value; });
    if (op && op->base->name == "Bool" && op->if_exists == if_exists && op->set == analysis::SetQualifier::none &&
        tests_value) {
      out.push_back(block);
    }
  }
  return out;
}

}  // namespace policylint::analysis
