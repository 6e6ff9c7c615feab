#include "analysis/condition_keys.hpp"
#include "analysis/condition_walk.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  analysis::for_each_condition_entry(context.policy(), [&](const analysis::ConditionSite& site) {
    if (!site.op || site.op->set == analysis::SetQualifier::none) {
      return;
    }
    const bool all_values = site.op->set == analysis::SetQualifier::for_all_values;
    if (all_values && site.statement.effect == Effect::allow) {
      return;  // the exploitable case is for-all-values-single-valued-key's finding
    }
    const auto lookup = context.facts().condition_key(site.entry);
    if (!lookup.key || analysis::is_multivalued(*lookup.key)) {
      return;
    }
    const std::string why = all_values ? "ForAllValues is true when the request has no value for it, so this Deny "
                                         "also applies to requests without the key"
                                       : "ForAnyValue only behaves like the plain operator and suggests a list";
    context.report(site.entry.key_range,
                   std::string(lookup.key->name()) + " is single-valued: " + why + "; drop the \"" +
                       (all_values ? "ForAllValues:" : "ForAnyValue:") + "\" qualifier",
                   &site.statement, site.entry.key);
  });
}

}  // namespace

extern const Rule set_operator_single_valued_key{
    {"PL215", "set-operator-single-valued-key", Severity::warning, Category::validity,
     "ForAnyValue, or ForAllValues in a Deny, on a single-valued condition key"},
    check,
};

}  // namespace policylint::rules
