#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  const Policy& policy = context.policy();
  if (policy.version.present) {
    return;
  }
  const bool organizations = context.policy_type() == PolicyType::scp || context.policy_type() == PolicyType::rcp;
  Finding& finding = context.report(
      SourceRange{policy.range.begin, policy.range.begin},
      organizations ? "this policy has no Version; AWS Organizations requires \"Version\": \"2012-10-17\""
                    : "this policy has no Version, so IAM reads it with the 2008-10-17 rules and policy variables "
                      "stay literal text; add \"Version\": \"2012-10-17\"");
  if (organizations) {
    finding.severity = Severity::error;
  }
}

}  // namespace

extern const Rule missing_version{
    {"PL102", "missing-version", Severity::warning, Category::syntax, "The policy has no Version element"},
    check,
};

}  // namespace policylint::rules
