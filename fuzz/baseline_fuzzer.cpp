// Feeds arbitrary bytes to the baseline reader: it accepts a baseline or
// says why not, never throws; one it accepts filters a result without fail.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "policylint/baseline.hpp"
#include "policylint/linter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const policylint::Linter linter;
  static const policylint::LintResult sample = linter.lint("p.json", R"({"Statement": [{"Sid": "Read",
    "Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}]})");
  std::string error;
  const auto baseline = policylint::Baseline::parse(policylint::fuzz::bytes_of(data, size), error);
  policylint::fuzz::require(baseline.has_value() || !error.empty(), "a baseline refused without a reason");
  if (baseline) {
    policylint::LintResult result = sample;
    const std::size_t removed = baseline->filter(result);
    policylint::fuzz::require(removed + result.findings.size() == sample.findings.size(),
                              "filtering lost or made findings");
  }
  return 0;
}
