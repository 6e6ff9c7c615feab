#include "analysis/condition_keys.hpp"
#include "analysis/condition_walk.hpp"
#include "text/text.hpp"
#include "text/text.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

using analysis::OperatorFamily;
using catalog::ConditionKeyType;

/// The operator family AWS documents for a key type.
OperatorFamily family_for(ConditionKeyType type) noexcept {
  switch (catalog::element_type(type)) {
    case ConditionKeyType::Arn: return OperatorFamily::arn;
    case ConditionKeyType::Numeric: return OperatorFamily::numeric;
    case ConditionKeyType::Date: return OperatorFamily::date;
    case ConditionKeyType::Bool: return OperatorFamily::boolean;
    case ConditionKeyType::IpAddress: return OperatorFamily::ip_address;
    case ConditionKeyType::Binary: return OperatorFamily::binary;
    default: return OperatorFamily::string;
  }
}

/// String operators compare any value as text, which is what they are for on
/// ARN, number and boolean keys too; on dates and addresses text comparison
/// misses equal values written differently. Arn operators also fit String
/// keys that hold ARNs (AWS documents ArnLike on kms:EncryptionContext:...).
/// Other families need their type.
bool fits(OperatorFamily op_family, OperatorFamily key_family) noexcept {
  if (op_family == OperatorFamily::null || op_family == key_family) {
    return true;
  }
  if (op_family == OperatorFamily::arn) {
    return key_family == OperatorFamily::string;
  }
  return op_family == OperatorFamily::string && key_family != OperatorFamily::date &&
         key_family != OperatorFamily::ip_address;
}

/// AWS documents aws:EpochTime as both Date and Numeric (seconds since the
/// epoch), so NumericLessThan on it is as valid as DateLessThan.
bool numeric_date_key(std::string_view key) noexcept { return equal_ignoring_case(key, "aws:EpochTime"); }

std::string example_operator(OperatorFamily family) {
  switch (family) {
    case OperatorFamily::string: return "StringEquals or StringLike";
    case OperatorFamily::numeric: return "NumericEquals, NumericLessThan ...";
    case OperatorFamily::date: return "DateGreaterThan, DateLessThan ...";
    case OperatorFamily::boolean: return "Bool";
    case OperatorFamily::binary: return "BinaryEquals";
    case OperatorFamily::ip_address: return "IpAddress or NotIpAddress";
    case OperatorFamily::arn: return "ArnEquals or ArnLike";
    case OperatorFamily::null: return "Null";
  }
  return {};
}

void check(PolicyContext& context) {
  analysis::for_each_condition_entry(context.policy(), [&](const analysis::ConditionSite& site) {
    if (!site.op) {
      return;
    }
    const auto lookup = context.facts().condition_key(site.entry);
    if (!lookup.key) {
      return;
    }
    const OperatorFamily key_family = family_for(lookup.key->type());
    const OperatorFamily op_family = site.op->base->family;
    if (fits(op_family, key_family) ||
        (op_family == OperatorFamily::numeric && numeric_date_key(lookup.key->name()))) {
      return;
    }
    context.report(site.entry.key_range,
                   "\"" + site.block.op + "\" is a " + std::string(analysis::to_string(op_family)) +
                       " operator, but " + std::string(lookup.key->name()) + " holds " +
                       std::string(catalog::to_string(lookup.key->type())) +
                       " values, so the comparison does not work as intended; use " + example_operator(key_family),
                   &site.statement, site.entry.key);
  });
}

}  // namespace

extern const Rule operator_key_type_mismatch{
    {"PL219", "operator-key-type-mismatch", Severity::warning, Category::validity,
     "A condition operator whose family does not fit the key's type"},
    check,
};

}  // namespace policylint::rules
