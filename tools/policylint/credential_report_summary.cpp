#include "credential_report_summary.hpp"

#include <cstdio>

#include "policylint/hygiene.hpp"

namespace policylint::cli {

void print_credential_report_summaries(std::span<const LintResult> results, const LintOptions& options) {
  for (const LintResult& result : results) {
    if (!result.source || !looks_like_credential_report(*result.source)) {
      continue;
    }
    if (const auto summary = summarize_credential_report(*result.source, options)) {
      const std::string table = render_credential_report_summary(result.file, *summary);
      std::fwrite(table.data(), 1, table.size(), stdout);
    }
  }
}

}  // namespace policylint::cli
