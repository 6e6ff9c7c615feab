#include "analysis/condition_keys.hpp"
#include "analysis/condition_walk.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  analysis::for_each_condition_entry(context.policy(), [&](const analysis::ConditionSite& site) {
    if (!site.op || site.op->set != analysis::SetQualifier::none ||
        site.op->base->family == analysis::OperatorFamily::null) {
      return;
    }
    const auto lookup = context.facts().condition_key(site.entry);
    if (!lookup.key || !analysis::is_multivalued(*lookup.key)) {
      return;
    }
    const std::string base(site.op->base->name);
    context.report(site.entry.key_range,
                   std::string(lookup.key->name()) + " is multivalued (" +
                       std::string(catalog::to_string(lookup.key->type())) + "), and \"" + site.block.op +
                       "\" without a set qualifier does not compare a list of values as intended; write "
                       "\"ForAnyValue:" + base + "\" (some value matches) or \"ForAllValues:" + base +
                       "\" (every value matches)",
                   &site.statement, site.entry.key);
  });
}

}  // namespace

extern const Rule missing_set_operator{
    {"PL216", "missing-set-operator", Severity::warning, Category::validity,
     "A multivalued condition key used without ForAllValues or ForAnyValue"},
    check,
};

}  // namespace policylint::rules
