#pragma once
// The Bool tests of aws:MultiFactorAuthPresent that the MFA rules (PL430,
// PL431, PL434, PL435) judge, found one way for all of them, and the
// sensitive actions PL434 and PL435 guard.
#include <algorithm>
#include <vector>

#include "analysis/condition_operator.hpp"
#include "analysis/condition_values.hpp"
#include "analysis/guardrails.hpp"
#include "analysis/principal_analysis.hpp"
#include "policylint/options.hpp"
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

/// Permissions-management actions, the defense-evasion actions the guardrails
/// protect, and the patterns of the sensitive-actions option.
inline analysis::ActionSet sensitive_actions(const LintOptions& options) {
  static const analysis::ActionSet built_in = [] {
    analysis::ActionSet set = analysis::defense_evasion_actions();
    analysis::ActionSet::all().for_each([&](catalog::ActionView action) {
      if (action.access_level() == catalog::AccessLevel::PermissionsManagement) {
        set.insert(action);
      }
    });
    return set;
  }();
  analysis::ActionSet set = built_in;
  if (const auto extra = options.rule_options.find("sensitive-actions"); extra != options.rule_options.end()) {
    const std::vector<std::string_view> patterns(extra->second.begin(), extra->second.end());
    set |= analysis::ActionSet::matching(patterns);
  }
  return set;
}

}  // namespace policylint::analysis
