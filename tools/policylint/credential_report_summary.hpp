#pragma once
// The small table printed after text output for each credential report of
// the run (users checked, with MFA, keys older than the limit).
#include <span>

#include "policylint/linter.hpp"

namespace policylint::cli {

/// Prints, to standard output, a summary of every result that is a
/// credential report, judged with `options` (thresholds and as-of day).
void print_credential_report_summaries(std::span<const LintResult> results, const LintOptions& options);

}  // namespace policylint::cli
