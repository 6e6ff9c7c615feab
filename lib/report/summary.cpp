#include "policylint/report.hpp"

namespace policylint {

RunSummary RunSummary::of(std::span<const LintResult> results, std::size_t files_skipped) {
  RunSummary summary;
  summary.files_linted = results.size();
  summary.files_skipped = files_skipped;
  for (const LintResult& result : results) {
    summary.findings += result.findings.size();
    for (const Finding& finding : result.findings) {
      ++summary.by_severity[static_cast<std::size_t>(finding.severity)];
    }
  }
  return summary;
}

}  // namespace policylint
