// Feeds arbitrary bytes to the AWS key scan, as a walk does for every file:
// whatever the bytes, no crash, and every finding lies within the input.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "policylint/hygiene.hpp"
#include "policylint/linter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const policylint::Linter linter;
  const std::string bytes = policylint::fuzz::bytes_of(data, size);
  const policylint::LintResult result = policylint::scan_secrets(linter, "fuzz/notes.txt", bytes);
  for (const policylint::Finding& finding : result.findings) {
    policylint::fuzz::require(
        finding.range.begin.offset <= finding.range.end.offset && finding.range.end.offset <= bytes.size(),
        "a key finding's range lies outside the input");
  }
  return 0;
}
