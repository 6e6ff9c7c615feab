#pragma once
// Finding the policy variables (`${aws:username}`, `${aws:PrincipalTag/team,
// 'none'}`, `${*}`) in a value, with what is wrong with each.
#include <cstddef>
#include <string_view>
#include <vector>

#include "policylint/policy.hpp"

namespace policylint::analysis {

enum class VariableProblem : unsigned char {
  none,
  missing_brace,  ///< "${aws:username" never closed
  empty,          ///< "${}"
  space,          ///< a space inside the name: "${ aws:username }"
  bad_default,    ///< a default not written as ", 'text'"
};

struct PolicyVariable {
  std::size_t offset = 0;  ///< of the "${"
  std::size_t size = 0;    ///< through the "}", or to the end when it is missing
  std::string_view name;   ///< the key between "${" and "}" or the default's comma
  bool has_default = false;
  std::string_view default_value;  ///< the text between the quotes
  bool escape = false;  ///< ${*}, ${?} or ${$}: stands for that character
  VariableProblem problem = VariableProblem::none;

  std::size_t end() const noexcept { return offset + size; }
};

/// Every "${" in `text`, in order. Text without "${" costs one scan and no
/// allocation.
std::vector<PolicyVariable> find_policy_variables(std::string_view text);

/// True when IAM substitutes variables in the policy: only under Version
/// 2012-10-17 (otherwise "${...}" is literal text).
inline bool variables_substituted(const Policy& policy) noexcept {
  return policy.version.present && policy.version.value.text == "2012-10-17";
}

/// True when text has a "${".
inline bool has_policy_variable(std::string_view text) noexcept { return text.find("${") != std::string_view::npos; }

}  // namespace policylint::analysis
