#include "analysis/condition_operator.hpp"

#include <array>
#include <string>

#include "text/text.hpp"

namespace policylint::analysis {
namespace {

using F = OperatorFamily;

// The operator list of the IAM User Guide (Condition operators).
constexpr std::array<BaseOperator, 27> kBaseOperators = {{
    {"StringEquals", F::string, false, false},
    {"StringNotEquals", F::string, true, false},
    {"StringEqualsIgnoreCase", F::string, false, false},
    {"StringNotEqualsIgnoreCase", F::string, true, false},
    {"StringLike", F::string, false, true},
    {"StringNotLike", F::string, true, true},
    {"NumericEquals", F::numeric, false, false},
    {"NumericNotEquals", F::numeric, true, false},
    {"NumericLessThan", F::numeric, false, false},
    {"NumericLessThanEquals", F::numeric, false, false},
    {"NumericGreaterThan", F::numeric, false, false},
    {"NumericGreaterThanEquals", F::numeric, false, false},
    {"DateEquals", F::date, false, false},
    {"DateNotEquals", F::date, true, false},
    {"DateLessThan", F::date, false, false},
    {"DateLessThanEquals", F::date, false, false},
    {"DateGreaterThan", F::date, false, false},
    {"DateGreaterThanEquals", F::date, false, false},
    {"Bool", F::boolean, false, false},
    {"BinaryEquals", F::binary, false, false},
    {"IpAddress", F::ip_address, false, false},
    {"NotIpAddress", F::ip_address, true, false},
    {"ArnEquals", F::arn, false, true},
    {"ArnLike", F::arn, false, true},
    {"ArnNotEquals", F::arn, true, true},
    {"ArnNotLike", F::arn, true, true},
    {"Null", F::null, false, false},
}};

constexpr std::string_view kForAllValues = "ForAllValues:";
constexpr std::string_view kForAnyValue = "ForAnyValue:";
constexpr std::string_view kIfExists = "IfExists";

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) noexcept {
  return text.size() >= suffix.size() && equal_ignoring_case(text.substr(text.size() - suffix.size()), suffix);
}

const BaseOperator* find_base(std::string_view name) noexcept {
  // Every condition rule parses every operator: the length and the first
  // letter leave one candidate, or none, to compare.
  if (name.empty()) {
    return nullptr;
  }
  for (const BaseOperator& base : kBaseOperators) {
    if (base.name.size() == name.size() && ascii_lower(base.name[0]) == ascii_lower(name[0]) &&
        equal_ignoring_case(base.name, name)) {
      return &base;
    }
  }
  return nullptr;
}

}  // namespace

std::span<const BaseOperator> base_operators() noexcept { return kBaseOperators; }

std::optional<ConditionOperator> parse_condition_operator(std::string_view text) noexcept {
  ConditionOperator op;
  std::string_view rest = text;
  std::string_view written_qualifier;
  const bool may_have_qualifier = !rest.empty() && ascii_lower(rest[0]) == 'f';  // ForAllValues:, ForAnyValue:
  if (may_have_qualifier && starts_with_ignoring_case(rest, kForAllValues)) {
    op.set = SetQualifier::for_all_values;
    written_qualifier = rest.substr(0, kForAllValues.size());
  } else if (may_have_qualifier && starts_with_ignoring_case(rest, kForAnyValue)) {
    op.set = SetQualifier::for_any_value;
    written_qualifier = rest.substr(0, kForAnyValue.size());
  }
  rest.remove_prefix(written_qualifier.size());
  op.base = find_base(rest);
  if (op.base == nullptr && ends_with_ignoring_case(rest, kIfExists)) {
    const std::string_view without_suffix = rest.substr(0, rest.size() - kIfExists.size());
    op.base = find_base(without_suffix);
    op.if_exists = op.base != nullptr;
  }
  if (op.base == nullptr) {
    return std::nullopt;
  }
  // As written, piece by piece: text == canonical_spelling(op), without building it.
  const std::string_view qualifier = op.set == SetQualifier::for_all_values  ? kForAllValues
                                     : op.set == SetQualifier::for_any_value ? kForAnyValue
                                                                             : std::string_view();
  const std::string_view suffix = op.if_exists ? kIfExists : std::string_view();
  op.exact_case = written_qualifier == qualifier && rest.substr(0, op.base->name.size()) == op.base->name &&
                  rest.substr(op.base->name.size()) == suffix;
  return op;
}

std::string canonical_spelling(const ConditionOperator& op) {
  std::string text;
  if (op.set == SetQualifier::for_all_values) {
    text = kForAllValues;
  } else if (op.set == SetQualifier::for_any_value) {
    text = kForAnyValue;
  }
  text += op.base->name;
  if (op.if_exists) {
    text += kIfExists;
  }
  return text;
}

std::optional<bool> holds_when_key_absent(const ConditionOperator& op) noexcept {
  if (op.base->family == F::null) {
    return std::nullopt;
  }
  if (op.if_exists || op.set == SetQualifier::for_all_values) {
    return true;
  }
  return op.set == SetQualifier::none && op.base->negated;
}

std::string_view to_string(OperatorFamily family) noexcept {
  switch (family) {
    case F::string: return "String";
    case F::numeric: return "Numeric";
    case F::date: return "Date";
    case F::boolean: return "Bool";
    case F::binary: return "Binary";
    case F::ip_address: return "IpAddress";
    case F::arn: return "Arn";
    case F::null: return "Null";
  }
  return "String";
}

}  // namespace policylint::analysis
