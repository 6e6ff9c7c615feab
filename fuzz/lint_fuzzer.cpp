// Feeds arbitrary bytes through parsing, every rule and both reporters:
// whatever the input, policylint must neither crash nor hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "policylint/linter.hpp"
#include "policylint/report.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const policylint::Linter linter;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const policylint::LintResult result = linter.lint("fuzz.json", bytes);
  const policylint::RunSummary summary = policylint::RunSummary::of({&result, 1});
  (void)policylint::render_json({&result, 1}, summary);
  (void)policylint::render_text({&result, 1}, summary, {});
  return 0;
}
