#include "analysis/arn.hpp"
#include "analysis/condition_walk.hpp"
#include "analysis/policy_variables.hpp"
#include "analysis/value_part.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

bool may_hold_variables(const Value& value) {
  return value.kind == JsonKind::string && analysis::has_policy_variable(value.text);
}

/// Reports each well-formed variable of `value` that starts before
/// `allowed_from`; the message says where it stands: `where` then `name`.
/// Callers test may_hold_variables first: most values hold none.
void report_variables(PolicyContext& context, const Statement& statement, const Value& value, std::size_t allowed_from,
                      std::string_view where, std::string_view name = {}) {
  const std::string_view source = *context.document().source;
  for (const analysis::PolicyVariable& variable : analysis::find_policy_variables(value.text)) {
    if (variable.escape || variable.problem != analysis::VariableProblem::none || variable.offset >= allowed_from) {
      continue;
    }
    context.report(analysis::part_range(source, value, variable.offset, variable.end()),
                   "IAM does not substitute policy variables " + std::string(where) + std::string(name) + ", so \"" +
                       value.text.substr(variable.offset, variable.size) +
                       "\" is compared as literal text; variables work only after the service field of a Resource "
                       "ARN and in String, Arn and Bool condition values",
                   &statement, value.text);
  }
}

/// Variables are substituted nowhere in the element.
constexpr std::size_t kNowhere = std::string::npos;

void check(PolicyContext& context) {
  const Policy& policy = context.policy();
  if (!analysis::variables_substituted(policy)) {
    return;
  }
  for (const Statement& statement : policy.statements) {
    for (const Value& value : statement.actions().values) {
      if (may_hold_variables(value)) {
        report_variables(context, statement, value, kNowhere, "in ", statement.actions().key);
      }
    }
    for (const Value& value : statement.resources().values) {
      if (!may_hold_variables(value)) {
        continue;
      }
      // Not in "arn:partition:service:": AWS's own policies put
      // ${aws:PrincipalAccount} in the account field, and IAM substitutes it.
      const analysis::ArnSplit split = analysis::split_arn(value.text);
      const std::size_t region = split.field_count >= 4 ? split.arn.region.offset : value.text.size();
      report_variables(context, statement, value, region, "in the partition or service field of an ARN");
    }
    for (const PrincipalGroup& group : statement.principals().groups) {
      for (const Value& value : group.values.values) {
        if (may_hold_variables(value)) {
          report_variables(context, statement, value, kNowhere, "in ", statement.principals().key);
        }
      }
    }
  }
  analysis::for_each_condition_entry(policy, [&](const analysis::ConditionSite& site) {
    if (analysis::has_policy_variable(site.entry.key)) {
      const Value key{site.entry.key, JsonKind::string, site.entry.key_range};
      report_variables(context, site.statement, key, kNowhere, "in condition keys");
    }
    if (!site.op) {
      return;
    }
    const analysis::OperatorFamily family = site.op->base->family;
    if (family == analysis::OperatorFamily::string || family == analysis::OperatorFamily::arn ||
        family == analysis::OperatorFamily::boolean) {
      return;
    }
    for (const Value& value : site.entry.values.values) {
      if (may_hold_variables(value)) {
        report_variables(context, site.statement, value, kNowhere, "in values of ", site.op->base->name);
      }
    }
  });
}

}  // namespace

extern const Rule variable_not_allowed_here{
    {"PL228", "variable-not-allowed-here", Severity::error, Category::validity,
     "A policy variable where IAM does not substitute it"},
    check,
};

}  // namespace policylint::rules
