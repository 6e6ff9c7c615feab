#pragma once
// The whole-run render_* functions are their streaming writers run over a
// span of results, so both always print the same bytes. Writers whose report
// has no counts (SARIF, GitHub, baseline) are given an empty summary.
#include <span>
#include <string>

#include "policylint/report.hpp"

namespace policylint::report {

std::string render_all(ReportWriter& writer, std::span<const LintResult> results, const RunSummary& summary);

}  // namespace policylint::report
