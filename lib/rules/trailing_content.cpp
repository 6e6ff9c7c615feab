#include "rules/syntax_issue_rule.hpp"

namespace policylint::rules {
namespace {

void check(RuleContext& context) {
  report_syntax_issues(context, SyntaxIssueKind::trailing_content, "remove it, or merge the statements into one document");
}

}  // namespace

extern const Rule trailing_content{
    {"PL004", "trailing-content", Severity::error, Category::syntax, "Text after the end of the policy document"},
    RuleInput::document,
    check,
};

}  // namespace policylint::rules
