#pragma once
// Rendering lint results for people and machines. The JSON shape is a public
// interface documented in docs/json-report.md: fields are only ever added.
#include "policylint/export.hpp"
#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <string>

#include "policylint/linter.hpp"

namespace policylint {

/// Counts over a whole run.
struct RunSummary {
  std::size_t files_linted = 0;
  std::size_t files_skipped = 0;  ///< JSON files that are not policy documents
  std::size_t links_skipped = 0;  ///< links a walk found to files outside the directory walked, not followed
  std::size_t findings = 0;
  std::size_t by_severity[4] = {0, 0, 0, 0};  ///< indexed by Severity
  std::size_t findings_baselined = 0;  ///< findings left out because a baseline records them
  /// Documents linted as a type their text does not settle
  /// (LintResult::policy_type_ambiguous).
  std::size_t policy_types_assumed = 0;
  /// Why the set-level rules did not run, when they were selected but the
  /// run's SCPs may be only part of the set (WorkspaceOutcome); empty when
  /// they ran.
  std::string set_rules_skipped;

  POLICYLINT_API static RunSummary of(std::span<const LintResult> results, std::size_t files_skipped = 0);
  /// Counts a linted document's findings, and its file at its first document.
  POLICYLINT_API void add(const LintResult& result) noexcept;
};

/// Writes a report piece by piece as results arrive, so that a run over many
/// files holds one file's results at a time. Each call appends the report's
/// next bytes to `out`; all of them together are what the matching render_*
/// function returns for the same results. Call `add` once per result, in
/// order, then `finish` once.
class POLICYLINT_API ReportWriter {
 public:
  ReportWriter() = default;
  ReportWriter(const ReportWriter&) = delete;
  ReportWriter& operator=(const ReportWriter&) = delete;
  virtual ~ReportWriter();

  virtual void add(const LintResult& result, std::string& out) = 0;
  /// Ends the report; `summary` counts the whole run.
  virtual void finish(const RunSummary& summary, std::string& out) = 0;
};

struct TextOptions {
  bool color = false;        ///< ANSI colours
  bool show_source = true;   ///< print the source line with a caret under the finding
  bool show_summary = true;  ///< a closing line with the counts
};

/// `path:line:col: severity: message [CODE name]` per finding.
POLICYLINT_API std::string render_text(std::span<const LintResult> results, const RunSummary& summary, const TextOptions& options);
POLICYLINT_API std::unique_ptr<ReportWriter> text_writer(const TextOptions& options);

/// {"tool": {...}, "findings": [...], "summary": {...}}
POLICYLINT_API std::string render_json(std::span<const LintResult> results, const RunSummary& summary);
POLICYLINT_API std::unique_ptr<ReportWriter> json_writer();

/// How many findings each rule produced: one line per rule, most frequent
/// first, then the summary line.
POLICYLINT_API std::string render_statistics(std::span<const LintResult> results, const RunSummary& summary);
POLICYLINT_API std::unique_ptr<ReportWriter> statistics_writer();

/// A SARIF 2.1.0 log for code scanning: one reportingDescriptor per
/// registered rule, results with URIs relative to `source_root` (the
/// `%SRCROOT%` base) and full regions. The mapping is documented in
/// docs/cli.md.
POLICYLINT_API std::string render_sarif(std::span<const LintResult> results, const std::filesystem::path& source_root);
POLICYLINT_API std::unique_ptr<ReportWriter> sarif_writer(const std::filesystem::path& source_root);

/// Every registered rule as a JSON array of objects with code, name,
/// category, severity, summary, deprecated and help_uri.
POLICYLINT_API std::string render_rules_json();

/// GitHub Actions workflow commands (`::error file=...,line=...::message`),
/// which annotate the pull request.
POLICYLINT_API std::string render_github(std::span<const LintResult> results);
POLICYLINT_API std::unique_ptr<ReportWriter> github_writer();

}  // namespace policylint
