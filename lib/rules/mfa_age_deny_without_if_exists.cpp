#include "analysis/condition_operator.hpp"
#include "analysis/principal_analysis.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  for (const Statement& statement : context.policy().statements) {
    if (statement.effect != Effect::deny) {
      continue;
    }
    for (const auto& [block, entry] : analysis::entries_on(statement.condition, "aws:MultiFactorAuthAge")) {
      const auto op = analysis::parse_condition_operator(block->op);
      const bool older_than = op && (op->base->name == "NumericGreaterThan" ||
                                     op->base->name == "NumericGreaterThanEquals");
      if (older_than && !op->if_exists) {
        context.report(block->op_range,
                       "aws:MultiFactorAuthAge is present only when MFA was used, so without IfExists this Deny "
                       "never applies to sessions without MFA or to long-term access keys: use \"" +
                           std::string(op->base->name) + "IfExists\"",
                       &statement, "aws:MultiFactorAuthAge");
      }
    }
  }
}

}  // namespace

extern const Rule mfa_age_deny_without_if_exists{
    {"PL433", "mfa-age-deny-without-if-exists", Severity::security, Category::mfa,
     "A Deny on aws:MultiFactorAuthAge without IfExists lets sessions without MFA through"},
    check,
};

}  // namespace policylint::rules
