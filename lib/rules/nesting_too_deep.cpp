#include "rules/syntax_issue_rule.hpp"

namespace policylint::rules {
namespace {

void check(RuleContext& context) {
  report_syntax_issues(context, SyntaxIssueKind::nesting_too_deep, "");
}

}  // namespace

extern const Rule nesting_too_deep{
    {"PL006", "nesting-too-deep", Severity::error, Category::syntax, "Objects and arrays nested deeper than any policy needs"},
    RuleInput::document,
    check,
};

}  // namespace policylint::rules
