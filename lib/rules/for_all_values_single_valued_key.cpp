#include "analysis/condition_keys.hpp"
#include "analysis/condition_walk.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  analysis::for_each_condition_entry(context.policy(), [&](const analysis::ConditionSite& site) {
    if (!site.op || site.op->set != analysis::SetQualifier::for_all_values ||
        site.statement.effect != Effect::allow) {
      return;
    }
    const auto lookup = context.facts().condition_key(site.entry);
    if (!lookup.key || analysis::is_multivalued(*lookup.key)) {
      return;
    }
    context.report(site.entry.key_range,
                   std::string(lookup.key->name()) + " is single-valued, and ForAllValues is true when the request "
                   "has no value for it, so this Allow also applies to requests without " + site.entry.key +
                   "; drop \"ForAllValues:\" (\"" + std::string(site.op->base->name) +
                   "\" compares the single value)",
                   &site.statement, site.entry.key);
  });
}

}  // namespace

extern const Rule for_all_values_single_valued_key{
    {"PL214", "for-all-values-single-valued-key", Severity::security, Category::validity,
     "ForAllValues on a single-valued condition key in an Allow statement"},
    check,
};

}  // namespace policylint::rules
