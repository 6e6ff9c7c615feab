#pragma once
// Baselines: record today's findings so that a run reports only new ones.
// A finding is recognised by its fingerprint, which leaves out line numbers so
// that it survives unrelated edits and lines moving.
#include "policylint/export.hpp"
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "policylint/linter.hpp"
#include "policylint/report.hpp"

namespace policylint {

/// One fingerprint per finding of `result`, in the same order. A fingerprint
/// hashes the rule code, the file name, the statement's Sid (statements
/// without one are not named, so inserting a statement does not change the
/// others) and the offending value (`Finding::subject`, or else the finding's
/// source text without whitespace). Findings that would share a fingerprint
/// are numbered in source order (`…:1`, `…:2`), so each is unique in a file.
POLICYLINT_API std::vector<std::string> fingerprints(const LintResult& result);

/// A recorded set of findings.
class POLICYLINT_API Baseline {
 public:
  /// Reads a baseline written by `render_baseline`; on failure returns
  /// nothing and says why in `error`.
  static std::optional<Baseline> parse(std::string_view text, std::string& error);

  /// Removes from `result` the findings this baseline records; returns how
  /// many were removed.
  std::size_t filter(LintResult& result) const;

 private:
  struct Recorded;  ///< the recorded fingerprints; shared by copies, never changed after parse
  explicit Baseline(std::shared_ptr<const Recorded> recorded) noexcept;
  std::shared_ptr<const Recorded> recorded_;
};

/// A baseline file for `results`: JSON listing each finding's fingerprint with
/// its code, file, line and message so that a reviewer can read it.
POLICYLINT_API std::string render_baseline(std::span<const LintResult> results);
/// The same baseline, written as results arrive (see ReportWriter).
POLICYLINT_API std::unique_ptr<ReportWriter> baseline_writer();

}  // namespace policylint
