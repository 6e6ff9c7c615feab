#include "policylint/policy_type_guess.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  const Policy& policy = context.policy();
  if (is_bare_statement(policy)) {
    context.report(SourceRange{policy.range.begin, policy.range.begin},
                   "this file holds a bare statement (Effect and Action at the top level) with no policy around it, "
                   "which IAM rejects; wrap it: {\"Version\": \"2012-10-17\", \"Statement\": [ ...this object... ]}");
  } else if (!policy.statement_element.present) {
    context.report(SourceRange{policy.range.begin, policy.range.begin},
                   "this policy has no Statement element; add \"Statement\": [ ... ] with at least one statement");
  }
}

}  // namespace

extern const Rule missing_statement{
    {"PL104", "missing-statement", Severity::error, Category::syntax, "The policy has no Statement element"},
    check,
};

}  // namespace policylint::rules
