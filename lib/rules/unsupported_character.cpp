#include "rules/syntax_issue_rule.hpp"

namespace policylint::rules {
namespace {

void check(RuleContext& context) {
  report_syntax_issues(context, SyntaxIssueKind::unsupported_character, "replace it with plain ASCII or Latin-1 text");
}

}  // namespace

extern const Rule unsupported_character{
    {"PL003", "unsupported-character", Severity::error, Category::syntax, "A character that IAM does not accept in a policy"},
    RuleInput::document,
    check,
};

}  // namespace policylint::rules
