#include "rules/syntax_issue_rule.hpp"

namespace policylint::rules {
namespace {
constexpr std::string_view kAdvice = "fix the JSON so that the policy can be read";
}  // namespace

extern const Rule invalid_json{
    {"PL001", "invalid-json", Severity::error, Category::syntax, "The input is not valid JSON"},
    check_syntax_issues<SyntaxIssueKind::invalid_json, &kAdvice>,
};

}  // namespace policylint::rules
