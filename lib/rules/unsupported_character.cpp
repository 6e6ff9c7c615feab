#include "rules/syntax_issue_rule.hpp"

namespace policylint::rules {
namespace {
constexpr std::string_view kAdvice = "replace it with plain ASCII or Latin-1 text";
}  // namespace

extern const Rule unsupported_character{
    {"PL003", "unsupported-character", Severity::error, Category::syntax, "A character that IAM does not accept in a policy"},
    check_syntax_issues<SyntaxIssueKind::unsupported_character, &kAdvice>,
};

}  // namespace policylint::rules
