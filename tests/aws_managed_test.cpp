// Real-world input: every AWS managed policy (the shared corpus, outside the
// repository; see ../shared/corpus/README.md) must be read without a syntax
// error. AWS accepted all of them, so a syntax finding at error or security
// severity there is a bug in policylint. Also prints how often each rule
// fires on them, which is the first thing to look at when a rule changes.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "policylint/linter.hpp"
#include "policylint/rules.hpp"

namespace fs = std::filesystem;
using namespace policylint;

namespace {

constexpr std::size_t kManagedPolicyCount = 1594;

fs::path shared_dir() {
  if (const char* dir = std::getenv("POLICYLINT_SHARED_DIR"); dir != nullptr && *dir != '\0') {
    return fs::path(dir);
  }
  return fs::path(POLICYLINT_SOURCE_DIR "/../shared");
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("aws-managed: every AWS managed policy parses without a syntax error", "[aws-managed][corpus]") {
  const fs::path dir = shared_dir() / "corpus" / "aws-managed";
  if (!fs::is_directory(dir)) {
    WARN("skipped: the AWS managed policy corpus is not at " << dir.string()
                                                             << " (set POLICYLINT_SHARED_DIR to the shared data folder)");
    return;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  CHECK(files.size() == kManagedPolicyCount);

  // Managed policies are identity policies by definition.
  LintOptions options;
  options.policy_type = PolicyType::identity;
  const Linter linter(options);

  std::map<std::string, std::size_t> findings_per_rule;
  std::map<std::string, std::size_t> files_per_rule;
  std::vector<std::string> offenders;
  std::size_t not_parsed = 0;
  for (const fs::path& file : files) {
    const LintResult result = linter.lint(file.filename().string(), read_bytes(file));
    if (!result.parsed) {
      ++not_parsed;
    }
    std::map<std::string, bool> seen;
    for (const Finding& finding : result.findings) {
      const std::string code(finding.code);
      ++findings_per_rule[code];
      if (!seen[code]) {
        seen[code] = true;
        ++files_per_rule[code];
      }
      // PL118 is left out: the 6,144-character quota binds customer managed
      // policies, and AWS's own managed policies are larger (ReadOnlyAccess
      // is over 90,000 characters). Its count is printed with the others.
      if (finding.category == Category::syntax && at_least(finding, Severity::security) && code != "PL118") {
        offenders.push_back(result.file + ":" + std::to_string(finding.range.begin.line) + ":" +
                            std::to_string(finding.range.begin.column) + ": " + code + " " + finding.message);
      }
    }
  }

  std::ostringstream counts;
  counts << "findings per rule on " << files.size() << " AWS managed policies (findings / files):";
  if (findings_per_rule.empty()) {
    counts << " none";
  }
  for (const auto& [code, count] : findings_per_rule) {
    const RuleInfo* rule = find_rule(code);
    counts << "\n    " << code << " " << (rule != nullptr ? rule->name : std::string_view("?")) << ": " << count
           << " / " << files_per_rule[code];
  }
  WARN(counts.str());

  CHECK(not_parsed == 0);
  std::ostringstream listing;
  const std::size_t shown = std::min<std::size_t>(offenders.size(), 50);
  for (std::size_t i = 0; i < shown; ++i) {
    listing << "\n    " << offenders[i];
  }
  if (offenders.size() > shown) {
    listing << "\n    ... and " << offenders.size() - shown << " more";
  }
  INFO("syntax findings at error or security severity on AWS managed policies:" << listing.str());
  CHECK(offenders.empty());
}
