#include "rules/syntax_issue_rule.hpp"

namespace policylint::rules {
namespace {
constexpr std::string_view kAdvice = "re-save the file as UTF-8";
}  // namespace

extern const Rule invalid_utf8{
    {"PL002", "invalid-utf8", Severity::error, Category::syntax, "The input is not valid UTF-8"},
    check_syntax_issues<SyntaxIssueKind::invalid_utf8, &kAdvice>,
};

}  // namespace policylint::rules
