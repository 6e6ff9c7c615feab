// The access checks' results as JSON (docs/checks.md), and their kinds' names.
#include <nlohmann/json.hpp>

#include "policylint/access_checks.hpp"

namespace policylint {

std::string_view to_string(CheckIssueKind kind) noexcept {
  switch (kind) {
    case CheckIssueKind::new_access:
      return "new-access";
    case CheckIssueKind::cannot_prove:
      return "cannot-prove";
    case CheckIssueKind::access_granted:
      return "access-granted";
    case CheckIssueKind::public_access:
      return "public-access";
  }
  return "new-access";
}

std::string check_result_json(std::string_view check, const CheckResult& result) {
  nlohmann::json issues = nlohmann::json::array();
  for (const CheckIssue& issue : result.issues) {
    issues.push_back({{"kind", to_string(issue.kind)},
                      {"document", issue.document},
                      {"line", issue.range.begin.line},
                      {"column", issue.range.begin.column},
                      {"statement", issue.statement},
                      {"sid", issue.sid},
                      {"actions", issue.actions},
                      {"resource", issue.resource},
                      {"condition", issue.condition},
                      {"message", issue.message}});
  }
  const nlohmann::json out = {{"check", check}, {"result", result.passed ? "PASS" : "FAIL"}, {"issues", issues}};
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace policylint
