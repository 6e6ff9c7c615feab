#pragma once
// Which STS actions a trust statement grants, for the rules that ask whether
// a principal can assume the role with the action it has to call
// (PL443, PL444).
#include <algorithm>
#include <string_view>

#include "policylint/glob.hpp"
#include "policylint/policy.hpp"

namespace policylint::rules {

/// True when a pattern of the statement's Action (not NotAction) matches
/// `action`, ignoring case as IAM does.
inline bool grants_action(const Statement& statement, std::string_view action) {
  if (!statement.action.present) {
    return false;
  }
  return std::any_of(statement.action.values.begin(), statement.action.values.end(), [&](const Value& value) {
    return value.kind == JsonKind::string && glob_match(value.text, action, CaseSensitivity::insensitive);
  });
}

}  // namespace policylint::rules
