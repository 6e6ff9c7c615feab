#include "rules/syntax_issue_rule.hpp"

namespace policylint::rules {
namespace {
constexpr std::string_view kAdvice = "this cannot be an IAM policy document";
}  // namespace

extern const Rule document_too_large{
    {"PL007", "document-too-large", Severity::error, Category::syntax, "The input is larger than the parse limit"},
    check_syntax_issues<SyntaxIssueKind::too_large, &kAdvice>,
};

}  // namespace policylint::rules
