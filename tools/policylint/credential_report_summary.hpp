#pragma once
// The small table printed after text output for each credential report of
// the run (users checked, with MFA, keys older than the limit).
#include <optional>
#include <string>

#include "policylint/linter.hpp"

namespace policylint::cli {

/// The summary table of `result` when it is a credential report; nothing for
/// any other input.
std::optional<std::string> credential_report_table(const LintResult& result);

}  // namespace policylint::cli
