#pragma once
// Rendering lint results for people and machines. The JSON shape is a public
// interface documented in docs/json-report.md: fields are only ever added.
#include "policylint/export.hpp"
#include <cstddef>
#include <span>
#include <string>

#include "policylint/linter.hpp"

namespace policylint {

/// Counts over a whole run.
struct RunSummary {
  std::size_t files_linted = 0;
  std::size_t files_skipped = 0;  ///< JSON files that are not policy documents
  std::size_t findings = 0;
  std::size_t by_severity[4] = {0, 0, 0, 0};  ///< indexed by Severity

  POLICYLINT_API static RunSummary of(std::span<const LintResult> results, std::size_t files_skipped = 0);
};

struct TextOptions {
  bool color = false;        ///< ANSI colours
  bool show_source = true;   ///< print the source line with a caret under the finding
  bool show_summary = true;  ///< a closing line with the counts
};

/// `path:line:col: severity: message [CODE name]` per finding.
POLICYLINT_API std::string render_text(std::span<const LintResult> results, const RunSummary& summary, const TextOptions& options);

/// {"tool": {...}, "findings": [...], "summary": {...}}
POLICYLINT_API std::string render_json(std::span<const LintResult> results, const RunSummary& summary);

}  // namespace policylint
