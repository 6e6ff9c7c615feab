#include "rules/syntax_issue_rule.hpp"

namespace policylint::rules {
namespace {

void check(RuleContext& context) {
  report_syntax_issues(context, SyntaxIssueKind::invalid_json, "fix the JSON so that the policy can be read");
}

}  // namespace

extern const Rule invalid_json{
    {"PL001", "invalid-json", Severity::error, Category::syntax, "The input is not valid JSON"},
    RuleInput::document,
    check,
};

}  // namespace policylint::rules
