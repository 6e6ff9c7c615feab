#include "analysis/arn.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

// A wildcard anywhere but at the end of the action name ("s3:*Object",
// "*:Get*"), which SCPs refused before September 2025.
bool wildcard_not_at_end(std::string_view action) {
  if (action == "*") {
    return false;
  }
  const std::size_t star = action.find_first_of("*?");
  return star != std::string_view::npos && star + 1 != action.size();
}

void check(PolicyContext& context) {
  if (!context.options().legacy_scp || context.policy_type() != PolicyType::scp) {
    return;
  }
  constexpr std::string_view kWhy = " (the SCP grammar before September 2025; drop --legacy-scp if your organization "
                                    "uses the full IAM policy language for SCPs)";
  for (const Statement& statement : context.policy().statements) {
    const bool allow = statement.effect == Effect::allow;
    if (allow && statement.condition.present) {
      context.report(statement.condition.key_range,
                     "a Condition in an SCP Allow is rejected" + std::string(kWhy) +
                         ": move the condition into a Deny statement with the negated operator",
                     &statement, "Condition");
    }
    if (allow && statement.not_action.present) {
      context.report(statement.not_action.key_range,
                     "NotAction in an SCP Allow is rejected" + std::string(kWhy) +
                         ": list the allowed actions, or deny the others with Deny + NotAction",
                     &statement, "NotAction");
    }
    if (statement.not_resource.present) {
      context.report(statement.not_resource.key_range,
                     "NotResource in an SCP is rejected" + std::string(kWhy) + ": list the resources with Resource",
                     &statement, "NotResource");
    }
    if (allow) {
      for (const Value& resource : statement.resource.values) {
        if (!analysis::is_match_all(resource.text)) {
          context.report(resource.range,
                         "an SCP Allow may only use Resource \"*\"" + std::string(kWhy) +
                             ": allow \"*\" and deny the other resources in a Deny statement",
                         &statement, resource.text);
        }
      }
    }
    for (const Value& action : statement.actions().values) {
      if (wildcard_not_at_end(action.text)) {
        context.report(action.range,
                       "\"" + action.text + "\": an SCP action may only have a wildcard at its end" + std::string(kWhy) +
                           ": list the actions, or use a trailing wildcard such as \"s3:Get*\"",
                       &statement, action.text);
      }
    }
  }
}

}  // namespace

extern const Rule legacy_scp_element{
    {"PL422", "legacy-scp-element", Severity::error, Category::validity,
     "An SCP uses an element the pre-2025 SCP grammar rejects (with --legacy-scp)"},
    check,
};

}  // namespace policylint::rules
