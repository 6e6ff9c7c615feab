#include "rules/syntax_issue_rule.hpp"

namespace policylint::rules {
namespace {

void check(RuleContext& context) {
  report_syntax_issues(context, SyntaxIssueKind::too_large, "this cannot be an IAM policy document");
}

}  // namespace

extern const Rule document_too_large{
    {"PL007", "document-too-large", Severity::error, Category::syntax, "The input is larger than the parse limit"},
    RuleInput::document,
    check,
};

}  // namespace policylint::rules
