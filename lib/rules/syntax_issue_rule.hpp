#pragma once
// Rules that report problems the parser recorded share this helper: it turns
// each SyntaxIssue of one kind into a finding, adding the rule's advice.
#include <string_view>

#include "rules/rule.hpp"

namespace policylint::rules {

void report_syntax_issues(DocumentContext& context, SyntaxIssueKind kind, std::string_view advice);

/// The check function of a rule that only reports the parser's issues of one kind.
template <SyntaxIssueKind Kind, const std::string_view* Advice>
void check_syntax_issues(DocumentContext& context) {
  report_syntax_issues(context, Kind, *Advice);
}

}  // namespace policylint::rules
