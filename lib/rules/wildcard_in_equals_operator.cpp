#include "analysis/condition_walk.hpp"
#include "analysis/policy_variables.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

/// True when `*` or `?` stands outside every ${...} in the text (`${*}` is the
/// escape for a literal star).
bool has_bare_wildcard(std::string_view text) {
  const std::vector<analysis::PolicyVariable> variables = analysis::find_policy_variables(text);
  auto variable = variables.begin();
  for (std::size_t i = 0; i < text.size(); ++i) {
    while (variable != variables.end() && variable->end() <= i) {
      ++variable;
    }
    const bool inside = variable != variables.end() && i >= variable->offset;
    if (!inside && (text[i] == '*' || text[i] == '?')) {
      return true;
    }
  }
  return false;
}

void check(PolicyContext& context) {
  analysis::for_each_condition_entry(context.policy(), [&](const analysis::ConditionSite& site) {
    if (!site.op || site.op->base->family != analysis::OperatorFamily::string || site.op->base->wildcards) {
      return;
    }
    for (const Value& value : site.entry.values.values) {
      if (value.kind != JsonKind::string || !has_bare_wildcard(value.text)) {
        continue;
      }
      const std::string like = site.op->base->negated ? "StringNotLike" : "StringLike";
      context.report(value.range,
                     std::string(site.op->base->name) + " compares \"" + value.text +
                         "\" literally: * and ? are not wildcards here; use " + like +
                         " to match a pattern (or ${*} / ${?} for a literal * or ?)",
                     &site.statement, value.text);
    }
  });
}

}  // namespace

extern const Rule wildcard_in_equals_operator{
    {"PL221", "wildcard-in-equals-operator", Severity::warning, Category::validity,
     "A * or ? in a value of StringEquals or another operator that compares literally"},
    check,
};

}  // namespace policylint::rules
