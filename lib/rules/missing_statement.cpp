#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(RuleContext& context) {
  const Policy& policy = context.policy();
  if (!policy.statement_element.present) {
    context.report(SourceRange{policy.range.begin, policy.range.begin},
                   "this policy has no Statement element; add \"Statement\": [ ... ] with at least one statement");
  }
}

}  // namespace

extern const Rule missing_statement{
    {"PL104", "missing-statement", Severity::error, Category::syntax, "The policy has no Statement element"},
    RuleInput::policy,
    check,
};

}  // namespace policylint::rules
