// Feeds arbitrary bytes to the workspace as a YAML file, as a walk does for
// every *.yaml: the template reader (yaml-cpp, CloudFormation extraction,
// intrinsic functions) then every rule. Whatever the bytes, no crash, and
// every finding lies within the input.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "policylint/workspace.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes = policylint::fuzz::bytes_of(data, size);
  policylint::Workspace workspace;
  workspace.add_buffer("fuzz/template.yaml", bytes);
  for (const policylint::LintResult& result : workspace.lint_all()) {
    for (const policylint::Finding& finding : result.findings) {
      policylint::fuzz::require(
          finding.range.begin.offset <= finding.range.end.offset && finding.range.end.offset <= bytes.size(),
          "a template finding's range lies outside the input");
    }
  }
  return 0;
}
