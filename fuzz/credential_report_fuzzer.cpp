// Feeds arbitrary bytes to the credential report reader: the linter and the
// summary of a recognised report.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "policylint/hygiene.hpp"
#include "policylint/linter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const policylint::Linter linter;
  const std::string bytes = policylint::fuzz::bytes_of(data, size);
  const policylint::LintResult result = policylint::lint_credential_report(linter, "fuzz/report.csv", bytes);
  for (const policylint::Finding& finding : result.findings) {
    policylint::fuzz::require(finding.range.end.offset <= bytes.size(), "a finding's range lies outside the report");
  }
  const auto summary = policylint::summarize_credential_report(bytes, linter.options());
  policylint::fuzz::require(summary.has_value() == result.credential_report.has_value(),
                            "the linter and the summary disagree on whether this is a credential report");
  return 0;
}
