#include "rules/syntax_issue_rule.hpp"

namespace policylint::rules {
namespace {
constexpr std::string_view kAdvice = "keep one and delete the other: a reviewer may read one value while AWS applies the other";
}  // namespace

extern const Rule duplicate_key{
    {"PL005", "duplicate-key", Severity::security, Category::syntax, "A key written twice in one JSON object"},
    check_syntax_issues<SyntaxIssueKind::duplicate_key, &kAdvice>,
};

}  // namespace policylint::rules
