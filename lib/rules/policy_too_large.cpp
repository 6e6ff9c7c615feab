#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  const PolicyType type = context.policy_type();
  const bool whole_text = size_counts_whitespace(type);
  const Document& document = context.document();
  const std::size_t size = whole_text ? document.code_points : document.significant_characters;
  const std::size_t limit = context.options().size_limits.for_type(type);
  if (size <= limit) {
    return;
  }
  const Policy& policy = context.policy();
  Finding& finding = context.report(SourceRange{policy.range.begin, policy.range.begin},
                 "this " + std::string(to_string(type)) + " policy is " + std::to_string(size) + " characters" +
                     (whole_text ? "" : " (not counting whitespace)") + ", over the quota of " +
                     std::to_string(limit) +
                     "; split it into several policies, or shorten it with wildcards that stay least-privilege");
  // AWS Organizations' SCP and RCP quotas are fixed; for the other types the
  // quota depends on how the policy is attached (managed or inline, which
  // service, a trust quota raised on request), which a file does not say.
  if (type == PolicyType::scp || type == PolicyType::rcp) {
    finding.severity = Severity::error;
  }
}

}  // namespace

extern const Rule policy_too_large{
    {"PL118", "policy-too-large", Severity::warning, Category::validity,
     "The policy is larger than its type's size quota"},
    check,
};

}  // namespace policylint::rules
