// Feeds arbitrary bytes to the credential report reader: the linter, the
// summary table and the check that picks credential reports out of a walk.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "policylint/hygiene.hpp"
#include "policylint/linter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const policylint::Linter linter;
  const std::string bytes = policylint::fuzz::bytes_of(data, size);
  (void)policylint::looks_like_credential_report(bytes);
  const policylint::LintResult result = policylint::lint_credential_report(linter, "fuzz/report.csv", bytes);
  for (const policylint::Finding& finding : result.findings) {
    policylint::fuzz::require(finding.range.end.offset <= bytes.size(), "a finding's range lies outside the report");
  }
  if (const auto summary = policylint::summarize_credential_report(bytes, linter.options())) {
    (void)policylint::render_credential_report_summary("fuzz/report.csv", *summary);
  }
  return 0;
}
