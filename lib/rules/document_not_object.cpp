#include "rules/syntax_issue_rule.hpp"

namespace policylint::rules {
namespace {
constexpr std::string_view kAdvice = "wrap the statements in {\"Version\": \"2012-10-17\", \"Statement\": [...]}";
}  // namespace

extern const Rule document_not_object{
    {"PL100", "document-not-object", Severity::error, Category::syntax, "The policy document is not a JSON object"},
    check_syntax_issues<SyntaxIssueKind::not_an_object, &kAdvice>,
};

}  // namespace policylint::rules
