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
  context.report(SourceRange{policy.range.begin, policy.range.begin},
                 "this " + std::string(to_string(type)) + " policy is " + std::to_string(size) + " characters" +
                     (whole_text ? "" : " (not counting whitespace)") + ", over the quota of " +
                     std::to_string(limit) +
                     "; split it into several policies, or shorten it with wildcards that stay least-privilege");
}

}  // namespace

extern const Rule policy_too_large{
    {"PL118", "policy-too-large", Severity::error, Category::validity,
     "The policy is larger than its type's size quota"},
    check,
};

}  // namespace policylint::rules
