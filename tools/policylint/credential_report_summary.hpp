#pragma once
// The small table printed after text output for each credential report of
// the run (users checked, with MFA, keys older than the limit).
#include <optional>
#include <string>

#include "policylint/linter.hpp"

namespace policylint::cli {

/// The summary table of `result` when it is a credential report, judged with
/// `options` (thresholds and as-of day); nothing for any other file.
std::optional<std::string> credential_report_table(const LintResult& result, const LintOptions& options);

}  // namespace policylint::cli
