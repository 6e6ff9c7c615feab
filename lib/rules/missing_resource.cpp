#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(RuleContext& context) {
  if (context.policy_type() == PolicyType::trust) {
    return;  // a trust policy's resource is the role itself
  }
  for (const Statement& statement : context.policy().statements) {
    if (statement.was_object && !statement.resource.present && !statement.not_resource.present) {
      context.report(SourceRange{statement.range.begin, statement.range.begin},
                     "this statement has neither Resource nor NotResource; add \"Resource\" with the ARNs it "
                     "applies to",
                     &statement);
    }
  }
}

}  // namespace

extern const Rule missing_resource{
    {"PL111", "missing-resource", Severity::error, Category::syntax,
     "A statement has neither Resource nor NotResource"},
    RuleInput::policy,
    check,
};

}  // namespace policylint::rules
