#include "rules/syntax_issue_rule.hpp"

namespace policylint::rules {
namespace {

void check(RuleContext& context) {
  report_syntax_issues(context, SyntaxIssueKind::invalid_utf8, "re-save the file as UTF-8");
}

}  // namespace

extern const Rule invalid_utf8{
    {"PL002", "invalid-utf8", Severity::error, Category::syntax, "The input is not valid UTF-8"},
    RuleInput::document,
    check,
};

}  // namespace policylint::rules
