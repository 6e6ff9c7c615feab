#include "rules/syntax_issue_rule.hpp"

namespace policylint::rules {
namespace {

void check(RuleContext& context) {
  report_syntax_issues(context, SyntaxIssueKind::duplicate_key, "keep one and delete the other: a reviewer may read one value while AWS applies the other");
}

}  // namespace

extern const Rule duplicate_key{
    {"PL005", "duplicate-key", Severity::security, Category::syntax, "A key written twice in one JSON object"},
    RuleInput::document,
    check,
};

}  // namespace policylint::rules
