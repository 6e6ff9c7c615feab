#include "rules/syntax_issue_rule.hpp"

namespace policylint::rules {
namespace {
constexpr std::string_view kAdvice = "remove it, or merge the statements into one document";
}  // namespace

extern const Rule trailing_content{
    {"PL004", "trailing-content", Severity::error, Category::syntax, "Text after the end of the policy document"},
    check_syntax_issues<SyntaxIssueKind::trailing_content, &kAdvice>,
};

}  // namespace policylint::rules
