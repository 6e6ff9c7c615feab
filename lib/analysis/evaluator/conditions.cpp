// Deciding one condition (an operator and a key with its values) against the
// request context: absent keys, IfExists, the set operators over multivalued
// keys, Null, and each operator family's comparison. A value that does not
// read as its family (a bad date, a bad CIDR, an unresolved variable) matches
// nothing, not even under a negated operator.
#include <charconv>
#include <cstring>

#include "analysis/arn.hpp"
#include "analysis/evaluator/evaluator_internal.hpp"
#include "text/text.hpp"
#include "policylint/glob.hpp"

namespace policylint::evaluator {
namespace {

using analysis::OperatorFamily;

enum class Compare : unsigned char { match, no_match, error };

enum class Comparison : unsigned char { equals, equals_ignore_case, like, less, less_equal, greater, greater_equal };

Comparison comparison_of(std::string_view name) noexcept {
  if (name.ends_with("IgnoreCase")) return Comparison::equals_ignore_case;
  if (name.ends_with("Like")) return Comparison::like;
  if (name.ends_with("LessThanEquals")) return Comparison::less_equal;
  if (name.ends_with("LessThan")) return Comparison::less;
  if (name.ends_with("GreaterThanEquals")) return Comparison::greater_equal;
  if (name.ends_with("GreaterThan")) return Comparison::greater;
  return Comparison::equals;
}

template <class T>
Compare order(Comparison comparison, const T& request, const T& policy) noexcept {
  bool holds = false;
  switch (comparison) {
    case Comparison::less: holds = request < policy; break;
    case Comparison::less_equal: holds = request <= policy; break;
    case Comparison::greater: holds = request > policy; break;
    case Comparison::greater_equal: holds = request >= policy; break;
    default: holds = request == policy; break;
  }
  return holds ? Compare::match : Compare::no_match;
}

bool ip_contains(const analysis::IpRange& range, const analysis::IpRange& address) noexcept {
  if (range.v6 != address.v6) return false;
  const unsigned bits = range.prefix_length;
  for (unsigned i = 0; i < bits / 8; ++i) {
    if (range.bytes[i] != address.bytes[i]) return false;
  }
  if (bits % 8 == 0) return true;
  const auto mask = static_cast<std::uint8_t>(0xFF << (8 - bits % 8));
  return (range.bytes[bits / 8] & mask) == (address.bytes[bits / 8] & mask);
}

Compare arn_like(PatternView pattern, std::string_view value) {
  const analysis::ArnSplit p = analysis::split_arn(pattern.text);
  const analysis::ArnSplit v = analysis::split_arn(value);
  if (!p.complete() || !v.complete() || p.arn.prefix.text != "arn" || v.arn.prefix.text != "arn") return Compare::error;
  // Field by field: a `*` in the first five never swallows a colon.
  const auto field = [](const analysis::ArnField& a, const analysis::ArnField& b) {
    return glob_match(a.text, b.text, CaseSensitivity::insensitive);
  };
  if (!field(p.arn.partition, v.arn.partition) || !field(p.arn.service, v.arn.service) ||
      !field(p.arn.region, v.arn.region) || !field(p.arn.account, v.arn.account)) {
    return Compare::no_match;
  }
  return pattern_match(pattern.from(p.arn.resource.offset), v.arn.resource.text, false) ? Compare::match
                                                                                        : Compare::no_match;
}

struct Comparer {
  const analysis::BaseOperator& base;
  Comparison comparison;
  const PreparedRequest& request;
  bool substitutes;

  /// The positive comparison of one request value with one policy value.
  Compare operator()(std::string_view value, const ConditionValue& policy) const {
    thread_local Resolved scratch;
    PatternView resolved{policy.text, nullptr};
    if (policy.has_variables && substitutes) {
      if (!resolve_variables(policy.variables, request, scratch, nullptr)) return Compare::error;
      resolved = scratch.view();
    }
    switch (base.family) {
      case OperatorFamily::string:
        if (comparison == Comparison::like) return pattern_match(resolved, value, false) ? Compare::match : Compare::no_match;
        if (comparison == Comparison::equals_ignore_case) {
          return equal_ignoring_case(resolved.text, value) ? Compare::match : Compare::no_match;
        }
        return resolved.text == value ? Compare::match : Compare::no_match;
      case OperatorFamily::arn:
        return arn_like(resolved, value);
      case OperatorFamily::binary:
        return resolved.text == value ? Compare::match : Compare::no_match;
      case OperatorFamily::boolean: {
        const std::optional<bool> wanted = policy.has_variables ? analysis::parse_bool(resolved.text) : policy.boolean;
        const std::optional<bool> got = analysis::parse_bool(value);
        if (!wanted || !got) return Compare::error;
        return *wanted == *got ? Compare::match : Compare::no_match;
      }
      case OperatorFamily::numeric: {
        const std::optional<double> got = parse_number(value);
        if (!policy.number || !got) return Compare::error;
        return order(comparison, *got, *policy.number);
      }
      case OperatorFamily::date: {
        const std::optional<std::int64_t> got = parse_date_ms(value);
        if (!policy.date_ms || !got) return Compare::error;
        return order(comparison, *got, *policy.date_ms);
      }
      case OperatorFamily::ip_address: {
        const std::optional<analysis::IpRange> got = analysis::parse_ip_range(value);
        if (!policy.ip || !got) return Compare::error;
        return ip_contains(*policy.ip, *got) ? Compare::match : Compare::no_match;
      }
      case OperatorFamily::null:
        break;
    }
    return Compare::error;
  }

  /// The operator on one request value against the policy's list: a
  /// positive operator holds when one value matches, a negated one when
  /// every value reads and none matches.
  bool holds(std::string_view value, const std::vector<ConditionValue>& policy_values) const {
    if (!base.negated) {
      for (const ConditionValue& policy : policy_values) {
        if ((*this)(value, policy) == Compare::match) return true;
      }
      return false;
    }
    for (const ConditionValue& policy : policy_values) {
      if ((*this)(value, policy) != Compare::no_match) return false;
    }
    return true;
  }
};

void say(std::string* why, const char* text) {
  if (why != nullptr) *why = text;
}

}  // namespace

std::optional<double> parse_number(std::string_view text) noexcept {
  if (!analysis::is_number(text)) return std::nullopt;
  if (text.starts_with('+')) text.remove_prefix(1);
  double number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return number;
}

bool condition_holds(const CompiledCondition& condition, const PreparedRequest& request, bool substitutes_variables,
                     std::string* why) {
  if (!condition.op) {
    say(why, "unknown operator: matches nothing");
    return false;
  }
  const analysis::ConditionOperator& op = *condition.op;
  const analysis::BaseOperator& base = *op.base;
  const ContextValue* value = request.context(condition.key);
  const bool absent = value == nullptr;

  if (base.family == OperatorFamily::null) {
    for (const ConditionValue& policy : condition.values) {
      if (policy.boolean && *policy.boolean == absent) {
        say(why, absent ? "key absent, as Null: true asks" : "key present, as Null: false asks");
        return true;
      }
    }
    say(why, absent ? "key absent, Null asks for it" : "key present, Null asks for its absence");
    return false;
  }

  const Comparer comparer{base, comparison_of(base.name), request, substitutes_variables};
  switch (op.set) {
    case analysis::SetQualifier::none: {
      if (absent) {
        if (op.if_exists) {
          say(why, "key absent (IfExists)");
          return true;
        }
        say(why, base.negated ? "key absent: a negated operator holds" : "key absent");
        return base.negated;
      }
      if (value->multivalued) {
        say(why, "multivalued key needs ForAllValues or ForAnyValue");
        return false;
      }
      if (value->values.empty()) {
        say(why, "key has no value");
        return false;
      }
      const bool held = comparer.holds(value->values.front(), condition.values);
      say(why, held ? "value matched" : "value did not match");
      return held;
    }
    case analysis::SetQualifier::for_all_values: {
      if (absent || value->values.empty()) {
        say(why, "ForAllValues: key absent or empty, holds");
        return true;
      }
      for (const std::string& each : value->values) {
        if (!comparer.holds(each, condition.values)) {
          say(why, "ForAllValues: a request value did not match");
          return false;
        }
      }
      say(why, "ForAllValues: every request value matched");
      return true;
    }
    case analysis::SetQualifier::for_any_value: {
      if (absent || value->values.empty()) {
        say(why, op.if_exists ? "ForAnyValue: key absent (IfExists)" : "ForAnyValue: key absent or empty");
        return op.if_exists && absent;
      }
      for (const std::string& each : value->values) {
        if (comparer.holds(each, condition.values)) {
          say(why, "ForAnyValue: a request value matched");
          return true;
        }
      }
      say(why, "ForAnyValue: no request value matched");
      return false;
    }
  }
  return false;
}

}  // namespace policylint::evaluator
