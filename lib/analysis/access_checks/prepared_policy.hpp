#pragma once
// A policy read once for the access checks: its Allow and Deny statements,
// each with the catalog actions it names and its condition entries.
#include <string>
#include <vector>

#include "analysis/access_checks/condition_implication.hpp"
#include "analysis/action_set.hpp"
#include "policylint/access_checks.hpp"

namespace policylint::analysis {

struct PreparedStatement {
  const Statement* statement = nullptr;
  ActionSet actions;
  std::vector<ConditionAtom> conditions;
};

struct PreparedPolicy {
  NamedPolicy named;
  bool substitutes = false;  ///< policy variables are substituted (Version 2012-10-17)
  std::vector<PreparedStatement> allows;
  std::vector<PreparedStatement> denies;
};

PreparedPolicy prepare_policy(const NamedPolicy& policy);

/// An issue placed at `statement` of `policy`, its Sid and range filled in.
CheckIssue issue_at(CheckIssueKind kind, const NamedPolicy& policy, const Statement& statement);

/// "s3:DeleteObject" for one action, else the actions by access level.
std::string describe_actions(const ActionSet& actions);

}  // namespace policylint::analysis
