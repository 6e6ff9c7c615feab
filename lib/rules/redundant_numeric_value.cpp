#include <optional>
#include <vector>

#include "analysis/condition_values.hpp"
#include "analysis/condition_walk.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

/// A bound the operator sets: LessThan keeps numbers below its value,
/// GreaterThan above.
enum class Bound : unsigned char { upper, lower };

std::optional<Bound> bound_of(const analysis::ConditionOperator& op) noexcept {
  if (op.base->family != analysis::OperatorFamily::numeric) {
    return std::nullopt;
  }
  if (op.base->name.starts_with("NumericLessThan")) {
    return Bound::upper;
  }
  if (op.base->name.starts_with("NumericGreaterThan")) {
    return Bound::lower;
  }
  return std::nullopt;
}

void check(PolicyContext& context) {
  analysis::for_each_condition_entry(context.policy(), [&](const analysis::ConditionSite& site) {
    const auto& values = site.entry.values.values;
    if (!site.op || values.size() < 2) {
      return;
    }
    const auto bound = bound_of(*site.op);
    if (!bound) {
      return;
    }
    // Values are ORed: the loosest bound admits every number the others do.
    std::vector<double> numbers;
    for (const Value& value : values) {
      const auto number = analysis::parse_number(value.text);
      if ((value.kind != JsonKind::string && value.kind != JsonKind::number) || !number) {
        return;  // a value that does not read is invalid-condition-value's finding
      }
      numbers.push_back(*number);
    }
    std::size_t loosest = 0;
    for (std::size_t i = 1; i < numbers.size(); ++i) {
      if (*bound == Bound::upper ? numbers[i] > numbers[loosest] : numbers[i] < numbers[loosest]) {
        loosest = i;
      }
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i == loosest) {
        continue;
      }
      const std::string why = numbers[i] == numbers[loosest]
                                  ? "it repeats \"" + values[loosest].text + "\""
                                  : "the values of \"" + site.block.op + "\" are ORed, and \"" + values[loosest].text +
                                        "\" already admits every number it does";
      context.report(values[i].range,
                     "\"" + values[i].text + "\" is redundant: " + why + "; keep only \"" + values[loosest].text + "\"",
                     &site.statement, values[i].text);
    }
  });
}

}  // namespace

extern const Rule redundant_numeric_value{
    {"PL233", "redundant-numeric-value", Severity::suggestion, Category::style,
     "A numeric condition value that another value of the same bound makes redundant"},
    check,
};

}  // namespace policylint::rules
