#include "analysis/condition_walk.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  analysis::for_each_condition_entry(context.policy(), [&](const analysis::ConditionSite& site) {
    if (!site.op || site.entry.values.values.size() < 2) {
      return;
    }
    const analysis::OperatorFamily family = site.op->base->family;
    if (family != analysis::OperatorFamily::boolean && family != analysis::OperatorFamily::null) {
      return;
    }
    context.report(site.entry.values.value_range,
                   std::string(site.op->base->name) + " takes one value, true or false, but " + site.entry.key +
                       " has " + std::to_string(site.entry.values.values.size()) +
                       "; with both the condition always holds: keep the one you mean",
                   &site.statement, site.entry.key);
  });
}

}  // namespace

extern const Rule multiple_boolean_values{
    {"PL222", "multiple-boolean-values", Severity::error, Category::validity,
     "A Bool or Null condition with more than one value"},
    check,
};

}  // namespace policylint::rules
