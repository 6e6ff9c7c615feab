#include <algorithm>

#include "analysis/arn.hpp"
#include "analysis/condition_keys.hpp"
#include "analysis/condition_values.hpp"
#include "analysis/condition_walk.hpp"
#include "analysis/policy_variables.hpp"
#include "text/text.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

using analysis::OperatorFamily;

/// What a value of the family must look like, or empty when `text` is one.
std::string_view expected_form(OperatorFamily family, std::string_view text) {
  switch (family) {
    case OperatorFamily::numeric:
      return analysis::is_number(text) ? "" : "a number such as 10 or 2.5";
    case OperatorFamily::date:
      return analysis::is_date(text) ? "" : "an ISO 8601 date such as 2025-01-31 or 2025-01-31T12:00:00Z, or epoch seconds";
    case OperatorFamily::boolean:
    case OperatorFamily::null:
      return analysis::parse_bool(text) ? "" : "true or false";
    case OperatorFamily::binary:
      return analysis::is_base64(text) ? "" : "base64-encoded bytes";
    case OperatorFamily::ip_address:
      return analysis::parse_ip_range(text) ? "" : "an IPv4 or IPv6 address or CIDR range such as 203.0.113.0/24";
    case OperatorFamily::arn: {
      const analysis::ArnSplit split = analysis::split_arn(text);
      return analysis::arn_problem(text, split) == analysis::ArnProblem::none
                 ? ""
                 : "an ARN (arn:partition:service:region:account:resource, wildcards allowed)";
    }
    case OperatorFamily::string: break;
  }
  return "";
}

/// The family a string operator's values must still belong to: a key that
/// holds numbers or dates never has text that is neither. The string family
/// for other keys.
OperatorFamily held_family(PolicyContext& context, const analysis::ConditionSite& site) {
  const auto lookup = context.facts().condition_key(site.entry);
  if (!lookup.key) {
    return OperatorFamily::string;
  }
  switch (catalog::element_type(lookup.key->type())) {
    case catalog::ConditionKeyType::Numeric: return OperatorFamily::numeric;
    case catalog::ConditionKeyType::Date: return OperatorFamily::date;
    default: return OperatorFamily::string;
  }
}

/// The prefix of the IDs a network key holds ("vpc-", "vpce-"), or empty.
std::string_view id_prefix(std::string_view key) noexcept {
  if (equal_ignoring_case(key, "aws:SourceVpc")) {
    return "vpc-";
  }
  if (equal_ignoring_case(key, "aws:SourceVpce")) {
    return "vpce-";
  }
  return {};
}

/// aws:SourceVpc and aws:SourceVpce hold IDs such as vpc-1a2b3c4d (Access
/// Analyzer: INVALID_VPC_FORMAT, INVALID_VPCE_FORMAT).
void check_network_ids(PolicyContext& context, const analysis::ConditionSite& site) {
  const std::string_view prefix = id_prefix(site.entry.key);
  if (prefix.empty()) {
    return;
  }
  for (const Value& value : site.entry.values.values) {
    const std::string_view text = value.text;
    if (value.kind != JsonKind::string || text.find_first_of("*?") != std::string_view::npos ||
        analysis::has_policy_variable(text)) {
      continue;
    }
    const std::string_view id = text.substr(std::min(prefix.size(), text.size()));
    const bool well_formed = text.starts_with(prefix) && !id.empty() &&
                             id.find_first_not_of("0123456789abcdef") == std::string_view::npos;
    if (!well_formed) {
      context.report(value.range,
                     "\"" + value.text + "\" is not an ID " + site.entry.key + " can hold, so no request carries it; write \"" +
                         std::string(prefix) + "\" followed by hex digits, e.g. " + std::string(prefix) + "1a2b3c4d",
                     &site.statement, value.text);
    }
  }
}

void check(PolicyContext& context) {
  analysis::for_each_condition_entry(context.policy(), [&](const analysis::ConditionSite& site) {
    if (!site.op) {
      return;
    }
    // A String operator's value is judged by what its key holds.
    const bool by_key = site.op->base->family == OperatorFamily::string;
    const OperatorFamily family = by_key ? held_family(context, site) : site.op->base->family;
    if (family == OperatorFamily::string) {
      check_network_ids(context, site);
      return;
    }
    for (const Value& value : site.entry.values.values) {
      if ((value.kind != JsonKind::string && value.kind != JsonKind::number && value.kind != JsonKind::boolean) ||
          analysis::has_policy_variable(value.text)) {
        continue;  // wrong JSON types are syntax findings; variables resolve at request time
      }
      if (by_key && value.text.find_first_of("*?") != std::string::npos) {
        continue;  // a pattern may match numbers or dates written as text
      }
      const std::string_view expected = expected_form(family, value.text);
      if (expected.empty()) {
        continue;
      }
      const std::string op(site.op->base->name);
      const std::string message =
          by_key ? "\"" + value.text + "\" can never be a value of " + site.entry.key + ", which holds " +
                       std::string(analysis::to_string(family)) + " values, so " + op +
                       " decides alike for every request; write " + std::string(expected)
                 : "\"" + value.text + "\" is not a valid value for " + op + ", so it never matches; write " +
                       std::string(expected);
      context.report(value.range, message, &site.statement, value.text);
    }
  });
}

}  // namespace

extern const Rule invalid_condition_value{
    {"PL220", "invalid-condition-value", Severity::warning, Category::validity,
     "A condition value its operator or key cannot hold (date, number, boolean, IP range, ARN, base64)"},
    check,
};

}  // namespace policylint::rules
