#pragma once
// Reading a condition operator such as "ForAnyValue:StringNotLikeIfExists"
// into its parts: set qualifier, base operator, IfExists, family, negation.
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace policylint::analysis {

enum class SetQualifier : unsigned char { none, for_all_values, for_any_value };

/// What kind of values an operator compares.
enum class OperatorFamily : unsigned char { string, numeric, date, boolean, binary, ip_address, arn, null };

/// A base operator: the operator without qualifier and IfExists.
struct BaseOperator {
  std::string_view name;  ///< AWS spelling, e.g. "StringNotLike"
  OperatorFamily family;
  bool negated;    ///< StringNotEquals, NotIpAddress, ArnNotLike ...
  bool wildcards;  ///< `*` and `?` in values are wildcards (StringLike, ArnEquals, ArnLike ...)
};

struct ConditionOperator {
  SetQualifier set = SetQualifier::none;
  const BaseOperator* base = nullptr;
  bool if_exists = false;
  /// False when the text matched only ignoring case ("stringequals").
  bool exact_case = true;
};

/// Every base operator IAM defines.
std::span<const BaseOperator> base_operators() noexcept;

/// Parses an operator as written. Unknown operators yield nothing. Names are
/// matched ignoring case, and `exact_case` says whether the case was AWS's.
std::optional<ConditionOperator> parse_condition_operator(std::string_view text) noexcept;

/// The operator spelled as AWS does, e.g. "ForAllValues:StringLikeIfExists".
std::string canonical_spelling(const ConditionOperator& op);

std::string_view to_string(OperatorFamily family) noexcept;

/// Whether the operator is satisfied when the request lacks the key: true for
/// IfExists, negated operators and ForAllValues, false otherwise; nothing for
/// Null, whose answer depends on its value.
std::optional<bool> holds_when_key_absent(const ConditionOperator& op) noexcept;

}  // namespace policylint::analysis
