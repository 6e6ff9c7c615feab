#include "rules/syntax_issue_rule.hpp"

namespace policylint::rules {

void report_syntax_issues(DocumentContext& context, SyntaxIssueKind kind, std::string_view advice) {
  const Document& document = context.document();
  for (const SyntaxIssue& issue : document.issues) {
    if (issue.kind != kind) {
      continue;
    }
    const Statement* statement = nullptr;
    if (issue.statement_index && document.policy && *issue.statement_index < document.policy->statements.size()) {
      statement = &document.policy->statements[*issue.statement_index];
    }
    std::string message = issue.detail;
    if (!advice.empty()) {
      message += "; ";
      message += advice;
    }
    Finding& finding = context.report(issue.range, std::move(message), statement);
    if (issue.related) {
      finding.related.push_back(RelatedLocation{*issue.related, "first written here"});
    }
  }
}

}  // namespace policylint::rules
