#include "analysis/arn.hpp"
#include "analysis/principal_analysis.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  for (const Statement& statement : context.policy().statements) {
    if (statement.effect != Effect::allow) {
      continue;
    }
    for (const Value* value : analysis::required_values(statement.condition, "aws:PrincipalArn")) {
      const analysis::ArnSplit split = analysis::split_arn(value->text);
      if (split.complete() && split.arn.service.text == "iam" && split.arn.resource.text == "root") {
        context.report(value->range,
                       "\"" + value->text +
                           "\" as aws:PrincipalArn is the root user itself: this grants to the root user, whose "
                           "credentials cannot be limited by IAM policies or a permissions boundary; grant to a role "
                           "(assumed with MFA) instead and keep the root user for the few tasks only it can do",
                       &statement, value->text);
      }
    }
  }
}

}  // namespace

extern const Rule root_user_reference{
    {"PL440", "root-user-reference", Severity::warning, Category::hygiene,
     "An Allow grants to the root user by its ARN"},
    check,
};

}  // namespace policylint::rules
