// The injected-defect corpus (corpus/defects): real AWS managed policies with
// one defect each, its kind and place named by the "# injected: LINE CODE"
// header of the case's .expected file. Every defect must be found at its
// line (recall); the corpus test checks the full list of findings.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "policylint/linter.hpp"

namespace fs = std::filesystem;
using namespace policylint;

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Injected {
  unsigned line = 0;
  std::string code;
};

/// The "# injected: LINE CODE ..." header, if any.
bool read_injected(const std::string& expected, Injected& out) {
  std::istringstream lines(expected);
  std::string line;
  while (std::getline(lines, line)) {
    constexpr std::string_view kHeader = "# injected:";
    if (line.compare(0, kHeader.size(), kHeader) == 0) {
      std::istringstream fields(line.substr(kHeader.size()));
      return static_cast<bool>(fields >> out.line >> out.code);
    }
  }
  return false;
}

}  // namespace

TEST_CASE("every injected defect is found at its line", "[validity][defects]") {
  const fs::path root = fs::path(POLICYLINT_SOURCE_DIR) / "corpus" / "defects";
  REQUIRE(fs::is_directory(root));
  const Linter linter;
  std::size_t cases = 0;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.path().extension() != ".json") {
      continue;
    }
    const fs::path expected = fs::path(entry.path()).replace_extension(".expected");
    Injected injected;
    INFO(entry.path().filename().string());
    REQUIRE(read_injected(read_text(expected), injected));
    const LintResult result = linter.lint(entry.path().string(), read_text(entry.path()));
    const bool found = std::any_of(result.findings.begin(), result.findings.end(), [&](const Finding& finding) {
      return finding.code == injected.code && finding.range.begin.line == injected.line;
    });
    CHECK(found);
    ++cases;
  }
  // One case per validity rule, PL200-PL231.
  CHECK(cases >= 32);
}
