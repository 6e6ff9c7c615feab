#include "policylint/report.hpp"

namespace policylint {

RunSummary RunSummary::of(std::span<const LintResult> results, std::size_t files_skipped) {
  RunSummary summary;
  summary.files_skipped = files_skipped;
  for (const LintResult& result : results) {
    summary.add(result);
  }
  return summary;
}

void RunSummary::add(const LintResult& result) noexcept {
  files_linted += result.document_index == 0 ? 1 : 0;
  findings += result.findings.size();
  policy_types_assumed += result.policy_type_ambiguous ? 1 : 0;
  for (const Finding& finding : result.findings) {
    ++by_severity[static_cast<std::size_t>(finding.severity)];
  }
}

}  // namespace policylint
