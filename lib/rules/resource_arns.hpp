#pragma once
// The ARN rules (PL205-PL209) read each string Resource or NotResource value
// as an ARN and report on one of its fields.
#include <string>

#include "analysis/arn.hpp"
#include "analysis/value_part.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {

/// One string Resource or NotResource value, split as an ARN.
struct ResourceArn {
  const Statement& statement;
  const Value& value;
  const analysis::ArnSplit& split;
};

/// Calls `visit(const ResourceArn&)` for every string value of every
/// statement's Resource or NotResource, in document order.
template <class Visit>
void for_each_resource_arn(PolicyContext& context, Visit visit) {
  for (const Statement& statement : context.policy().statements) {
    for (const Value& value : statement.resources().values) {
      if (value.kind == JsonKind::string) {
        visit(ResourceArn{statement, value, context.facts().arn_split(value)});
      }
    }
  }
}

/// Reports `message` at the characters [begin, end) of the ARN's text.
inline Finding& report_in_arn(PolicyContext& context, const ResourceArn& arn, std::size_t begin, std::size_t end,
                              std::string message) {
  return context.report(analysis::part_range(*context.document().source, arn.value, begin, end), std::move(message),
                        &arn.statement, arn.value.text);
}

/// Reports `message` at one field of the ARN.
inline void report_in_arn(PolicyContext& context, const ResourceArn& arn, const analysis::ArnField& field,
                          std::string message) {
  report_in_arn(context, arn, field.offset, field.end(), std::move(message));
}

}  // namespace policylint::rules
