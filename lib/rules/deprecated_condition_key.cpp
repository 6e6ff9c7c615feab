#include "analysis/condition_keys.hpp"
#include "analysis/condition_walk.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  analysis::for_each_condition_entry(context.policy(), [&](const analysis::ConditionSite& site) {
    const auto replacement =
        analysis::deprecated_key_replacement(site.entry.key, context.facts().condition_key(site.entry).key);
    if (!replacement) {
      return;
    }
    context.report(site.entry.key_range,
                   "the condition key " + site.entry.key + " is deprecated and may stop being set on requests; use " +
                       *replacement,
                   &site.statement, site.entry.key);
  });
}

}  // namespace

extern const Rule deprecated_condition_key{
    {"PL224", "deprecated-condition-key", Severity::warning, Category::validity,
     "A condition key AWS has deprecated"},
    check,
};

}  // namespace policylint::rules
