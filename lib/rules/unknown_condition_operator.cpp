#include <string>

#include "analysis/condition_operator.hpp"
#include "analysis/suggest.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

using analysis::ConditionOperator;
using analysis::SetQualifier;

/// The closest of every valid spelling (qualifier x base x IfExists).
std::string advice(std::string_view written) {
  std::vector<std::string> spellings;
  for (const analysis::BaseOperator& base : analysis::base_operators()) {
    for (const SetQualifier set : {SetQualifier::none, SetQualifier::for_all_values, SetQualifier::for_any_value}) {
      for (const bool if_exists : {false, true}) {
        if (!(if_exists && base.family == analysis::OperatorFamily::null)) {
          spellings.push_back(analysis::canonical_spelling(ConditionOperator{set, &base, if_exists, true}));
        }
      }
    }
  }
  analysis::ClosestName closest(written);
  for (const std::string& spelling : spellings) {
    closest.consider(spelling);
  }
  if (!closest.best().empty()) {
    return "did you mean \"" + std::string(closest.best()) + "\"?";
  }
  return "use one of the IAM condition operators (StringEquals, StringLike, ArnLike, IpAddress, Bool, DateLessThan, "
         "NumericLessThan, Null ...), optionally prefixed by ForAllValues: or ForAnyValue: and suffixed by IfExists";
}

void check(PolicyContext& context) {
  for (const Statement& statement : context.policy().statements) {
    for (const ConditionBlock& block : statement.condition.blocks) {
      const auto op = analysis::parse_condition_operator(block.op);
      if (!op) {
        context.report(block.op_range,
                       "\"" + block.op + "\" is not a condition operator, so IAM rejects the policy; " +
                           advice(block.op),
                       &statement, block.op);
      } else if (!op->exact_case) {
        const std::string spelling = analysis::canonical_spelling(*op);
        context.report(block.op_range,
                       "the condition operator \"" + block.op + "\" is not spelled as AWS defines it; write \"" +
                           spelling + "\"",
                       &statement, block.op);
      }
    }
  }
}

}  // namespace

extern const Rule unknown_condition_operator{
    {"PL212", "unknown-condition-operator", Severity::error, Category::validity,
     "A condition operator IAM does not define"},
    check,
};

}  // namespace policylint::rules
