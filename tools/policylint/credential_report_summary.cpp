#include "credential_report_summary.hpp"

#include "policylint/hygiene.hpp"
#include "policylint/safe_text.hpp"

namespace policylint::cli {

std::optional<std::string> credential_report_table(const LintResult& result, const LintOptions& options) {
  if (!result.source || !looks_like_credential_report(*result.source)) {
    return std::nullopt;
  }
  const auto summary = summarize_credential_report(*result.source, options);
  if (!summary) {
    return std::nullopt;
  }
  return render_credential_report_summary(printable(result.file), *summary);
}

}  // namespace policylint::cli
