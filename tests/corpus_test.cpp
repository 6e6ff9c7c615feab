// The corpus (corpus/<group>/<case>.json with <case>.expected beside it; the
// format is described in corpus/README.md): every case must produce exactly
// the expected findings. Also checks that every registered rule is
// documented (docs/rules/<CODE>.md) and fires in at least one case.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include "policylint/linter.hpp"
#include "policylint/rules.hpp"
#include "policylint/workspace.hpp"

namespace fs = std::filesystem;
using namespace policylint;

namespace {

const fs::path kRoot = fs::path(POLICYLINT_SOURCE_DIR);

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
  return lines;
}

// One finding line of an .expected file, or of the linter's output.
struct ExpectedFinding {
  unsigned line = 0;
  unsigned column = 0;
  std::string code;

  std::string str() const { return std::to_string(line) + ":" + std::to_string(column) + " " + code; }
  friend bool operator<(const ExpectedFinding& a, const ExpectedFinding& b) {
    return std::tie(a.line, a.column, a.code) < std::tie(b.line, b.column, b.code);
  }
};

std::optional<ExpectedFinding> parse_finding_line(std::string_view text) {
  ExpectedFinding out;
  std::istringstream in{std::string(text)};
  char colon = 0;
  std::string rest;
  if (!(in >> out.line >> colon >> out.column >> out.code) || colon != ':' || out.line == 0 || out.column == 0 ||
      (in >> rest)) {
    return std::nullopt;
  }
  const bool code_ok = out.code.size() > 2 && std::all_of(out.code.begin(), out.code.end(), [](char c) {
    return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c));
  });
  return code_ok ? std::optional(out) : std::nullopt;
}

struct ExpectedFile {
  std::optional<PolicyType> policy_type;
  bool require_mfa = false;  ///< "# option: require-mfa"
  bool legacy_scp = false;   ///< "# option: legacy-scp"
  std::vector<ExpectedFinding> findings;
  std::vector<std::string> errors;  ///< malformed lines
};

ExpectedFile parse_expected(std::string_view text) {
  ExpectedFile out;
  unsigned number = 0;
  for (std::string_view raw : lines_of(text)) {
    ++number;
    const std::string_view line = trim(raw);
    if (line.empty()) {
      continue;
    }
    if (line.front() == '#') {
      const std::string_view header = trim(line.substr(1));
      constexpr std::string_view kPolicyType = "policy-type:";
      if (header.substr(0, kPolicyType.size()) == kPolicyType) {
        const std::string_view name = trim(header.substr(kPolicyType.size()));
        if (const auto type = parse_policy_type(name)) {
          out.policy_type = type;
        } else {
          out.errors.push_back("line " + std::to_string(number) + ": unknown policy type '" + std::string(name) + "'");
        }
      }
      constexpr std::string_view kOption = "option:";
      if (header.substr(0, kOption.size()) == kOption) {
        const std::string_view name = trim(header.substr(kOption.size()));
        if (name == "require-mfa") {
          out.require_mfa = true;
        } else if (name == "legacy-scp") {
          out.legacy_scp = true;
        } else {
          out.errors.push_back("line " + std::to_string(number) + ": unknown option '" + std::string(name) + "'");
        }
      }
      continue;
    }
    if (const auto finding = parse_finding_line(line)) {
      out.findings.push_back(*finding);
    } else {
      out.errors.push_back("line " + std::to_string(number) + ": expected 'LINE:COLUMN CODE', found '" +
                           std::string(line) + "'");
    }
  }
  if (!std::is_sorted(out.findings.begin(), out.findings.end())) {
    out.errors.push_back("the findings are not sorted by position, then code");
  }
  return out;
}

// corpus/credential-report and corpus/secrets hold CSV and text inputs with
// their .expected files; tests/hygiene_corpus_test.cpp runs them and checks
// that the rules about them (PL5xx) fire.
// CloudFormation and SAM templates: JSON or YAML, each holding several policies.
bool is_template_case(const fs::path& relative) { return relative.begin()->string() == "templates"; }

bool is_case_input(const fs::path& relative) {
  return relative.extension() == ".json" || (is_template_case(relative) && relative.extension() == ".yaml");
}

bool is_hygiene_case(const fs::path& relative) {
  const std::string group = relative.begin()->string();
  return group == "credential-report" || group == "secrets";
}

struct CorpusCase {
  fs::path json;
  fs::path expected;
  std::string name;  ///< relative to corpus/, e.g. "grammar/pl101-misspelled-condition"
};

// Every case, sorted; unpaired files are returned in `unpaired`.
std::vector<CorpusCase> corpus_cases(std::vector<std::string>* unpaired = nullptr) {
  const fs::path root = kRoot / "corpus";
  std::set<fs::path> jsons;
  std::set<fs::path> expecteds;
  if (fs::is_directory(root)) {
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file()) {
        continue;
      }
      const fs::path& path = entry.path();
      if (is_hygiene_case(fs::relative(path, root))) {
        continue;
      }
      if (is_case_input(fs::relative(path, root))) {
        jsons.insert(path);
      } else if (path.extension() == ".expected") {
        expecteds.insert(path);
      }
    }
  }
  std::vector<CorpusCase> out;
  for (const fs::path& json : jsons) {
    fs::path expected = json;
    expected.replace_extension(".expected");
    std::string name = fs::relative(json, root).replace_extension().generic_string();
    if (expecteds.count(expected) != 0) {
      out.push_back(CorpusCase{json, expected, std::move(name)});
    } else if (unpaired != nullptr) {
      unpaired->push_back(fs::relative(json, kRoot).generic_string() + " has no .expected file beside it");
    }
  }
  for (const fs::path& expected : expecteds) {
    fs::path json = expected;
    fs::path yaml = expected;
    json.replace_extension(".json");
    yaml.replace_extension(".yaml");
    if (jsons.count(json) == 0 && jsons.count(yaml) == 0 && unpaired != nullptr) {
      unpaired->push_back(fs::relative(expected, kRoot).generic_string() + " has no .json file beside it");
    }
  }
  return out;
}

LintResult lint_case(const CorpusCase& c, const ExpectedFile& expected) {
  LintOptions options;
  options.policy_type = expected.policy_type;
  options.require_mfa = expected.require_mfa;
  options.legacy_scp = expected.legacy_scp;
  if (is_template_case(fs::relative(c.json, kRoot / "corpus"))) {
    // A template goes through the workspace's readers; its policies' findings together.
    Workspace workspace(options);
    workspace.add_buffer(c.name + c.json.extension().string(), read_bytes(c.json));
    LintResult all;
    for (LintResult& result : workspace.lint_all()) {
      all.findings.insert(all.findings.end(), result.findings.begin(), result.findings.end());
    }
    std::stable_sort(all.findings.begin(), all.findings.end(), reported_before);
    return all;
  }
  return Linter(options).lint(c.name + ".json", read_bytes(c.json));
}

std::vector<ExpectedFinding> actual_findings(const LintResult& result) {
  std::vector<ExpectedFinding> out;
  for (const Finding& finding : result.findings) {
    out.push_back(ExpectedFinding{finding.range.begin.line, finding.range.begin.column, std::string(finding.code)});
  }
  return out;
}

// A readable account of the difference: the two lists side by side, then what
// is missing and what is extra (with the linter's message for the extras).
std::string describe_mismatch(const std::vector<ExpectedFinding>& expected, const LintResult& result) {
  const std::vector<ExpectedFinding> actual = actual_findings(result);
  std::multiset<std::string> want;
  std::multiset<std::string> got;
  for (const auto& f : expected) {
    want.insert(f.str());
  }
  for (const auto& f : actual) {
    got.insert(f.str());
  }
  std::ostringstream out;
  out << "expected (" << expected.size() << "):\n";
  for (const auto& f : expected) {
    out << "    " << f.str() << "\n";
  }
  out << "reported (" << actual.size() << ", type " << to_string(result.policy_type)
      << (result.policy_type_detected ? ", detected" : ", forced") << "):\n";
  for (const Finding& f : result.findings) {
    out << "    " << f.range.begin.line << ":" << f.range.begin.column << " " << f.code << "  " << f.message << "\n";
  }
  for (const auto& f : expected) {
    if (auto it = got.find(f.str()); it != got.end()) {
      got.erase(it);
    } else {
      out << "  - missing:    " << f.str() << "\n";
    }
  }
  for (std::size_t i = 0; i < actual.size(); ++i) {
    if (auto it = want.find(actual[i].str()); it != want.end()) {
      want.erase(it);
    } else {
      out << "  + unexpected: " << actual[i].str() << "  " << result.findings[i].message << "\n";
    }
  }
  if (!expected.empty() && !actual.empty() && want.empty() && got.empty()) {
    out << "  (same findings, different order)\n";
  }
  return out.str();
}

// The headings every rule page must have, in this order.
constexpr std::string_view kRequiredHeadings[] = {"## What it does", "## Why is this bad?", "## Example",
                                                  "## Use instead"};

// The first ```json block after `heading`, or empty.
std::string json_block_after(std::string_view doc, std::string_view heading) {
  const std::size_t at = doc.find(std::string("\n") + std::string(heading) + "\n");
  if (at == std::string_view::npos) {
    return {};
  }
  constexpr std::string_view kOpen = "```json\n";
  const std::size_t open = doc.find(kOpen, at);
  const std::size_t next_heading = doc.find("\n## ", at + 1);
  if (open == std::string_view::npos || (next_heading != std::string_view::npos && open > next_heading)) {
    return {};
  }
  const std::size_t close = doc.find("\n```", open + kOpen.size());
  if (close == std::string_view::npos) {
    return {};
  }
  return std::string(doc.substr(open + kOpen.size(), close + 1 - (open + kOpen.size())));
}

// With the opt-in checks (require-mfa, legacy-scp) switched on, so that the
// pages of the rules they enable can show them too.
bool fires(const std::string& text, std::string_view code, std::optional<PolicyType> type) {
  LintOptions options;
  options.policy_type = type;
  options.require_mfa = true;
  options.legacy_scp = true;
  const LintResult result = Linter(options).lint("example.json", text);
  return std::any_of(result.findings.begin(), result.findings.end(),
                     [&](const Finding& f) { return f.code == code; });
}

}  // namespace

TEST_CASE("corpus: every case has a .json and a .expected file", "[corpus]") {
  std::vector<std::string> unpaired;
  const auto cases = corpus_cases(&unpaired);
  CHECK_FALSE(cases.empty());
  for (const std::string& problem : unpaired) {
    FAIL_CHECK(problem);
  }
}

TEST_CASE("corpus: every case produces exactly the expected findings", "[corpus]") {
  const auto cases = corpus_cases();
  REQUIRE_FALSE(cases.empty());
  for (const CorpusCase& c : cases) {
    DYNAMIC_SECTION(c.name) {
      const ExpectedFile expected = parse_expected(read_bytes(c.expected));
      for (const std::string& error : expected.errors) {
        FAIL_CHECK("corpus/" << c.name << ".expected " << error);
      }
      const LintResult result = lint_case(c, expected);
      const std::vector<ExpectedFinding> actual = actual_findings(result);
      std::vector<std::string> want;
      std::vector<std::string> got;
      std::transform(expected.findings.begin(), expected.findings.end(), std::back_inserter(want),
                     [](const ExpectedFinding& f) { return f.str(); });
      std::transform(actual.begin(), actual.end(), std::back_inserter(got),
                     [](const ExpectedFinding& f) { return f.str(); });
      if (want != got) {
        FAIL_CHECK("corpus/" << c.name << ".json:\n" << describe_mismatch(expected.findings, result));
      } else {
        SUCCEED();
      }
    }
  }
}

TEST_CASE("corpus: every rule fires in at least one case", "[corpus][rules]") {
  std::set<std::string> fired;
  for (const CorpusCase& c : corpus_cases()) {
    for (const ExpectedFinding& f : parse_expected(read_bytes(c.expected)).findings) {
      fired.insert(f.code);
    }
  }
  for (const RuleInfo* rule : all_rules()) {
    // PL007 needs an input over the 64 MiB parse limit; the next test case
    // makes it fire with a small limit instead.
    // PL423 judges a set of SCPs together (check_guardrails), never one
    // document; tests/guardrails_test.cpp makes it fire.
    // PL5xx rules read credential reports and text files:
    // tests/hygiene_corpus_test.cpp makes them fire.
    if (rule->deprecated || rule->code == "PL007" || rule->code == "PL423" || rule->code.substr(0, 3) == "PL5") {
      continue;
    }
    if (fired.count(std::string(rule->code)) == 0) {
      FAIL_CHECK(rule->code << " " << rule->name << " fires in no corpus case; add corpus/<group>/<case>.json and "
                                                     "its .expected");
    }
  }
}

TEST_CASE("PL007 document-too-large fires over the parse limit, and only there", "[corpus][rules]") {
  const std::string policy =
      R"({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "ec2:DescribeRegions", "Resource": "*"}})";
  LintOptions options;
  options.parse_limits.max_bytes = policy.size();
  const LintResult at_limit = Linter(options).lint("at-limit.json", policy);
  CHECK(at_limit.parsed);
  CHECK(std::none_of(at_limit.findings.begin(), at_limit.findings.end(),
                     [](const Finding& f) { return f.code == "PL007"; }));

  options.parse_limits.max_bytes = policy.size() - 1;
  const LintResult over = Linter(options).lint("over.json", policy);
  CHECK_FALSE(over.parsed);
  REQUIRE(over.findings.size() == 1);
  CHECK(over.findings[0].code == "PL007");
  CHECK(over.findings[0].range.begin.line == 1);
  CHECK(over.findings[0].range.begin.column == 1);
}

TEST_CASE("docs: every rule has a page with the required sections", "[docs][rules]") {
  for (const RuleInfo* rule : all_rules()) {
    DYNAMIC_SECTION(rule->code) {
      const std::string_view doc = rule_documentation(rule->code);
      INFO("docs/rules/" << rule->code << ".md");
      REQUIRE_FALSE(doc.empty());
      const std::string title = "# " + std::string(rule->code) + " " + std::string(rule->name);
      CHECK(doc.substr(0, doc.find('\n')) == title);
      std::size_t previous = 0;
      for (const std::string_view heading : kRequiredHeadings) {
        const std::size_t at = doc.find("\n" + std::string(heading) + "\n");
        if (at == std::string_view::npos) {
          FAIL_CHECK("missing the heading '" << heading << "'");
          continue;
        }
        if (at < previous) {
          FAIL_CHECK("the heading '" << heading << "' is out of order");
        }
        previous = at;
      }
      // The Example shows the input in a fenced block (JSON for policies, CSV
      // for credential reports ...).
      const std::size_t example = doc.find("\n## Example\n");
      if (example != std::string_view::npos) {
        const std::size_t next = doc.find("\n## ", example + 1);
        const std::size_t fence = doc.find("\n```", example + 1);
        CHECK((fence != std::string_view::npos && (next == std::string_view::npos || fence < next)));
      }
    }
  }
}

TEST_CASE("docs: every page under docs/rules belongs to a registered rule", "[docs][rules]") {
  const fs::path dir = kRoot / "docs" / "rules";
  REQUIRE(fs::is_directory(dir));
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".md") {
      continue;
    }
    const std::string code = entry.path().stem().string();
    const RuleInfo* rule = find_rule(code);
    if (rule == nullptr || rule->code != code) {
      FAIL_CHECK("docs/rules/" << code << ".md names no registered rule (the file name must be the rule's code)");
    }
  }
}

TEST_CASE("docs: a syntax rule's Example fires it and Use instead does not", "[docs][rules]") {
  // Only the syntax rules: their examples are whole policies that need no
  // options (other rules' examples may need options, or be CSV). These pages
  // show an abbreviated example ("imagine this repeated ..."): the real input
  // would be too large for a documentation page.
  const std::set<std::string_view> abbreviated = {"PL007", "PL118"};
  // Judged over a set of SCPs, not by Linter::lint: tests/guardrails_test.cpp
  // checks its page.
  const std::set<std::string_view> judged_as_a_set = {"PL423"};
  for (const RuleInfo* rule : all_rules()) {
    if (rule->deprecated || rule->category != Category::syntax || abbreviated.count(rule->code) != 0 ||
        judged_as_a_set.count(rule->code) != 0 ||
        rule_documentation(rule->code).empty()) {
      continue;
    }
    DYNAMIC_SECTION(rule->code) {
      const std::string_view doc = rule_documentation(rule->code);
      const std::string bad = json_block_after(doc, "## Example");
      const std::string good = json_block_after(doc, "## Use instead");
      INFO("docs/rules/" << rule->code << ".md");
      REQUIRE_FALSE(bad.empty());
      REQUIRE_FALSE(good.empty());
      // The example fires with the detected policy type or, for rules about
      // one policy type, when linted as that type.
      std::optional<std::optional<PolicyType>> firing_type;
      if (fires(bad, rule->code, std::nullopt)) {
        firing_type = std::optional<PolicyType>();
      } else {
        for (const PolicyType type : all_policy_types()) {
          if (fires(bad, rule->code, type)) {
            firing_type = type;
            break;
          }
        }
      }
      if (!firing_type) {
        FAIL_CHECK("the Example does not make " << rule->code << " fire under any policy type");
      } else {
        CHECK_FALSE(fires(good, rule->code, *firing_type));
      }
    }
  }
}
