// The hygiene corpus: corpus/credential-report/<case>.csv and
// corpus/secrets/<case>[.<ext>], each with <case>.expected beside it in the
// format of corpus/README.md (`LINE:COLUMN CODE` lines; `# as-of: DATE`
// judges a credential report on that day). Every case must produce exactly
// the expected findings, and every PL5xx rule must fire in at least one case:
// tests/corpus_test.cpp leaves these rules and folders to this file.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "policylint/hygiene.hpp"
#include "policylint/report.hpp"
#include "policylint/rules.hpp"

namespace fs = std::filesystem;
using namespace policylint;

namespace {

const fs::path kCorpus = fs::path(POLICYLINT_SOURCE_DIR) / "corpus";

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct HygieneCase {
  fs::path input;
  fs::path expected;
  bool credential_report = false;
};

// <case>.expected names the input without its last extension, so that
// `Dockerfile` pairs with `Dockerfile.expected` and `deploy.sh` with
// `deploy.expected`.
fs::path expected_for(const fs::path& input) {
  fs::path out = input;
  return out.replace_extension(".expected");
}

std::vector<HygieneCase> hygiene_cases() {
  std::vector<HygieneCase> out;
  for (const char* group : {"credential-report", "secrets"}) {
    for (const auto& entry : fs::directory_iterator(kCorpus / group)) {
      if (entry.is_regular_file() && entry.path().extension() != ".expected") {
        out.push_back({entry.path(), expected_for(entry.path()), std::string(group) == "credential-report"});
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const HygieneCase& a, const HygieneCase& b) { return a.input < b.input; });
  return out;
}

struct Expected {
  std::optional<std::chrono::sys_days> as_of;
  std::vector<std::string> findings;  ///< "LINE:COLUMN CODE"
};

Expected parse_expected(const std::string& text) {
  Expected out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    constexpr std::string_view kAsOf = "# as-of:";
    if (line.starts_with(kAsOf)) {
      const std::string date = line.substr(line.find_first_not_of(' ', kAsOf.size()));
      out.as_of = parse_date(date);
      INFO(line);
      REQUIRE(out.as_of.has_value());
    } else if (!line.empty() && line.front() != '#') {
      out.findings.push_back(line);
    }
  }
  return out;
}

LintResult run_case(const HygieneCase& c, const Expected& expected) {
  LintOptions options;
  options.as_of = expected.as_of;
  const Linter linter(options);
  const std::string name = c.input.filename().string();
  return c.credential_report ? lint_credential_report(linter, name, read_bytes(c.input))
                             : scan_secrets(linter, name, read_bytes(c.input));
}

std::vector<std::string> positions(const LintResult& result) {
  std::vector<std::string> out;
  for (const Finding& f : result.findings) {
    out.push_back(std::to_string(f.range.begin.line) + ":" + std::to_string(f.range.begin.column) + " " +
                  std::string(f.code));
  }
  return out;
}

}  // namespace

TEST_CASE("hygiene corpus: every input has its .expected", "[hygiene][corpus]") {
  const auto cases = hygiene_cases();
  REQUIRE(cases.size() > 10);
  for (const HygieneCase& c : cases) {
    if (!fs::exists(c.expected)) {
      FAIL_CHECK(fs::relative(c.input, kCorpus).generic_string() << " has no " << c.expected.filename() << " beside it");
    }
  }
}

TEST_CASE("hygiene corpus: every case produces exactly the expected findings", "[hygiene][corpus]") {
  for (const HygieneCase& c : hygiene_cases()) {
    DYNAMIC_SECTION(fs::relative(c.input, kCorpus).generic_string()) {
      const Expected expected = parse_expected(read_bytes(c.expected));
      if (c.credential_report) {
        INFO("credential report cases must give '# as-of: YYYY-MM-DD' so that they do not depend on the run date");
        REQUIRE(expected.as_of.has_value());
      }
      const LintResult result = run_case(c, expected);
      std::string messages;
      for (const Finding& f : result.findings) {
        messages += "  " + std::to_string(f.range.begin.line) + ":" + std::to_string(f.range.begin.column) + " " +
                    std::string(f.code) + " " + f.message + "\n";
      }
      INFO("reported:\n" << messages);
      CHECK(positions(result) == expected.findings);
    }
  }
}

TEST_CASE("hygiene corpus: every PL5xx rule fires in a case, and each group has quiet cases",
          "[hygiene][corpus][rules]") {
  std::set<std::string> fired;
  std::set<std::string> quiet_groups;
  for (const HygieneCase& c : hygiene_cases()) {
    const Expected expected = parse_expected(read_bytes(c.expected));
    for (const std::string& line : expected.findings) {
      fired.insert(line.substr(line.find(' ') + 1));
    }
    if (expected.findings.empty()) {
      quiet_groups.insert(c.input.parent_path().filename().string());
    }
  }
  CHECK(quiet_groups == std::set<std::string>{"credential-report", "secrets"});
  std::size_t hygiene_rules = 0;
  for (const RuleInfo* rule : all_rules()) {
    if (!rule->code.starts_with("PL5")) {
      continue;
    }
    ++hygiene_rules;
    if (fired.count(std::string(rule->code)) == 0) {
      FAIL_CHECK(rule->code << " " << rule->name << " fires in no case under corpus/credential-report or corpus/secrets");
    }
  }
  CHECK(hygiene_rules >= 14);
}

TEST_CASE("hygiene corpus: no finding, subject or printed source holds a secret unmasked", "[hygiene][secrets]") {
  for (const HygieneCase& c : hygiene_cases()) {
    if (c.credential_report) {
      continue;
    }
    const Expected expected = parse_expected(read_bytes(c.expected));
    const LintResult result = run_case(c, expected);
    const std::string original = read_bytes(c.input);
    for (const Finding& f : result.findings) {
      const std::string secret = original.substr(f.range.begin.offset, f.range.end.offset - f.range.begin.offset);
      INFO(c.input.filename() << " " << f.code << " at " << f.range.begin.line << ":" << f.range.begin.column);
      REQUIRE(secret.size() >= 20);
      CHECK(f.message.find(secret) == std::string::npos);
      CHECK(f.subject.find(secret) == std::string::npos);
      REQUIRE(result.source);
      CHECK(result.source->find(secret) == std::string::npos);
      // The first and last 4 characters stay, so that a person can tell keys
      // apart (of the decoded value, for one written with JSON escapes).
      if (secret.find('\\') == std::string::npos) {
        CHECK(f.subject == secret.substr(0, 4) + std::string(secret.size() - 8, '*') + secret.substr(secret.size() - 4));
      } else {
        CHECK(f.subject.find_first_of('*') == 4);
        CHECK(f.subject.find_first_not_of('*', 4) == f.subject.size() - 4);
      }
      if (f.code == "PL532") {
        continue;  // SARIF prints the rule's documentation, which quotes the public example keys
      }
      const std::span<const LintResult> results(&result, 1);
      const RunSummary summary = RunSummary::of(results);
      for (const std::string& output :
           {render_text(results, summary, {}), render_json(results, summary), render_sarif(results, kCorpus),
            render_github(results)}) {
        CHECK(output.find(secret) == std::string::npos);
      }
    }
  }
}
