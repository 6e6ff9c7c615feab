#include "rules/syntax_issue_rule.hpp"

namespace policylint::rules {
namespace {
constexpr std::string_view kAdvice = "";
}  // namespace

extern const Rule nesting_too_deep{
    {"PL006", "nesting-too-deep", Severity::error, Category::syntax, "Objects and arrays nested deeper than any policy needs"},
    check_syntax_issues<SyntaxIssueKind::nesting_too_deep, &kAdvice>,
};

}  // namespace policylint::rules
