// End-to-end: the output formats, as CI systems and people consume them.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "policylint/rules.hpp"

using policylint::test::CliRun;
using policylint::test::kPolicyWithError;
using policylint::test::run_policylint;
using policylint::test::TempDir;

namespace {

// A policy with an error (PL108 at 6:17) and a suggestion (PL120 at 11:15).
const char* const kTwoFindings = R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Read",
      "Effect": "allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::example-bucket/*"
    },
    {
      "Sid": "",
      "Effect": "Deny",
      "Action": "s3:DeleteObject",
      "Resource": "arn:aws:s3:::example-bucket/*"
    }
  ]
}
)";

std::filesystem::path shared_dir() {
  const char* from_env = std::getenv("POLICYLINT_SHARED_DIR");
  return from_env != nullptr ? std::filesystem::path(from_env)
                             : std::filesystem::path(POLICYLINT_SOURCE_DIR) / ".." / "shared";
}

// Validates with python3's jsonschema; warns instead when that or the schema
// is not available, as the shared reference data may not be checked out.
void check_against_schema(const std::string& document, const std::filesystem::path& schema) {
  if (!std::filesystem::exists(schema)) {
    WARN("no " << schema << ": schema validation skipped");
    return;
  }
  const auto errors = policylint::test::schema_errors(document, schema);
  if (!errors) {
    WARN("python3 with jsonschema is not installed: validation against " << schema << " skipped");
    return;
  }
  CHECK(*errors == "");
}

}  // namespace

TEST_CASE("text format: location, severity, message, code, source line and caret", "[cli][formats]") {
  const TempDir repo;
  repo.write("policies/bad.json", kPolicyWithError);
  const CliRun run = run_policylint(repo.path(), "--no-config --select PL108 --color never policies/bad.json");
  CHECK(run.status == 1);
  const std::string first_line = run.out.substr(0, run.out.find('\n'));
  CHECK(first_line.rfind("policies/bad.json:6:17: error: Effect must be exactly", 0) == 0);
  CHECK(first_line.ends_with(" [PL108 invalid-effect]"));
  CHECK(run.out.find("\n  |       \"Effect\": \"allow\",\n  |                 ^^^^^^^\n") != std::string::npos);
  CHECK(run.out.ends_with("1 finding in 1 file (1 error, 0 security, 0 warning, 0 suggestion)\n"));

  const CliRun bare = run_policylint(repo.path(), "--no-config --select PL108 --no-source policies/bad.json");
  CHECK(bare.out.find("^^^") == std::string::npos);
}

TEST_CASE("colour: only on request or a terminal, and NO_COLOR is honoured", "[cli][formats]") {
  const TempDir repo;
  repo.write("bad.json", kPolicyWithError);
  const std::string escape = "\x1b[";
  CHECK(run_policylint(repo.path(), "--no-config bad.json").out.find(escape) == std::string::npos);  // a pipe
  CHECK(run_policylint(repo.path(), "--no-config --color always bad.json").out.find(escape) != std::string::npos);
  CHECK(run_policylint(repo.path(), "--no-config --color auto bad.json", "", "NO_COLOR=1").out.find(escape) ==
        std::string::npos);
  // An explicit --color always beats the environment.
  CHECK(run_policylint(repo.path(), "--no-config --color always bad.json", "", "NO_COLOR=1").out.find(escape) !=
        std::string::npos);
}

TEST_CASE("json format follows docs/json-report.schema.json", "[cli][formats]") {
  const TempDir repo;
  repo.write("bad.json", kTwoFindings);
  repo.write("package.json", R"({"name": "app"})");
  const CliRun run = run_policylint(repo.path(), "--no-config --select PL108,PL120 --format json");
  CHECK(run.status == 1);
  const nlohmann::json report = nlohmann::json::parse(run.out);
  REQUIRE(report["findings"].size() == 2);
  const nlohmann::json& first = report["findings"][0];
  CHECK(first["code"] == "PL108");
  CHECK(first["file"] == "bad.json");
  CHECK(first["line"] == 6);
  CHECK(first["statement"]["sid"] == "Read");
  CHECK(report["findings"][1]["severity"] == "suggestion");
  CHECK(report["summary"]["by_rule"] == nlohmann::json({{"PL108", 1}, {"PL120", 1}}));
  CHECK(report["summary"]["files_skipped"] == 1);

  check_against_schema(run.out, std::filesystem::path(POLICYLINT_SOURCE_DIR) / "docs/json-report.schema.json");
}

TEST_CASE("sarif format is valid SARIF 2.1.0 with a descriptor per rule", "[cli][formats]") {
  const TempDir repo;
  repo.write("policies/bad.json", kTwoFindings);
  const CliRun run = run_policylint(repo.path(), "--no-config --select PL108,PL120 --format sarif");
  CHECK(run.status == 1);
  const nlohmann::json log = nlohmann::json::parse(run.out);
  CHECK(log["version"] == "2.1.0");
  const nlohmann::json& sarif_run = log["runs"][0];
  const nlohmann::json& rules = sarif_run["tool"]["driver"]["rules"];
  CHECK(rules.size() == policylint::all_rules().size());
  for (const nlohmann::json& rule : rules) {
    INFO(rule["id"]);
    CHECK(rule["helpUri"] == "https://github.com/policylint/policylint/blob/main/docs/rules/" +
                                 rule["id"].get<std::string>() + ".md");
    CHECK(!rule["help"]["markdown"].get<std::string>().empty());
    CHECK(rule["properties"].contains("security-severity"));
    CHECK(rule["properties"]["tags"].size() >= 1);
  }
  CHECK(sarif_run["columnKind"] == "unicodeCodePoints");
  CHECK(sarif_run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file://" + repo.path().generic_string() + "/");

  const nlohmann::json& results = sarif_run["results"];
  REQUIRE(results.size() == 2);
  const nlohmann::json& error = results[0];
  CHECK(error["ruleId"] == "PL108");
  CHECK(rules[error["ruleIndex"].get<std::size_t>()]["id"] == "PL108");
  CHECK(error["level"] == "error");
  CHECK(results[1]["level"] == "note");
  const nlohmann::json& location = error["locations"][0]["physicalLocation"];
  CHECK(location["artifactLocation"] == nlohmann::json({{"uri", "policies/bad.json"}, {"uriBaseId", "%SRCROOT%"}}));
  CHECK(location["region"] ==
        nlohmann::json({{"startLine", 6}, {"startColumn", 17}, {"endLine", 6}, {"endColumn", 24}}));
  CHECK(error["partialFingerprints"]["policylint/v1"].is_string());

  check_against_schema(run.out, shared_dir() / "reference/sarif-schema-2.1.0.json");
}

TEST_CASE("github format emits workflow commands", "[cli][formats]") {
  const TempDir repo;
  repo.write("bad.json", kTwoFindings);
  const CliRun run = run_policylint(repo.path(), "--no-config --select PL108,PL120 --format github bad.json");
  CHECK(run.status == 1);
  CHECK(run.out.rfind("::error file=bad.json,line=6,col=17,endLine=6,endColumn=24,title=PL108 invalid-effect::Effect "
                      "must be exactly",
                      0) == 0);
  CHECK(run.out.find("\n::notice file=bad.json,line=11,") != std::string::npos);
}

TEST_CASE("The --statistics flag counts findings per rule", "[cli][formats]") {
  const TempDir repo;
  repo.write("a.json", kPolicyWithError);
  repo.write("b.json", kTwoFindings);
  const CliRun run = run_policylint(repo.path(), "--no-config --select PL108,PL120 --statistics");
  CHECK(run.status == 1);
  CHECK(run.out ==
        "     2  PL108  invalid-effect                   error\n"
        "     1  PL120  empty-sid                        suggestion\n"
        "3 findings in 2 files (2 error, 0 security, 0 warning, 1 suggestion)\n");
}

TEST_CASE("rules and explain describe every rule", "[cli][formats]") {
  const TempDir repo;
  const CliRun table = run_policylint(repo.path(), "rules");
  CHECK(table.status == 0);
  CHECK(table.out.find("PL108   invalid-effect") != std::string::npos);

  const CliRun json = run_policylint(repo.path(), "rules --format json");
  CHECK(json.status == 0);
  const nlohmann::json rules = nlohmann::json::parse(json.out);
  CHECK(rules.size() == policylint::all_rules().size());
  CHECK(rules[0].contains("code"));
  CHECK(rules[0].contains("severity"));

  const CliRun by_name = run_policylint(repo.path(), "explain invalid-effect");
  CHECK(by_name.status == 0);
  CHECK(by_name.out.find("## Why is this bad?") != std::string::npos);
  CHECK(by_name.out == run_policylint(repo.path(), "explain pl108").out);
  CHECK(run_policylint(repo.path(), "explain PL999").status == 2);

  const CliRun help = run_policylint(repo.path(), "--help");
  CHECK(help.status == 0);
  for (const char* section : {"SYNOPSIS", "EXIT STATUS", "--format", "--baseline", "NO_COLOR"}) {
    CHECK(help.out.find(section) != std::string::npos);
  }
}

TEST_CASE("a policy type the text does not settle is named as assumed, in text and JSON", "[cli][formats]") {
  const TempDir repo;
  // Deny-only and no Principal: an SCP or a boundary reads the same.
  repo.write("guard.json", R"({"Version": "2012-10-17", "Statement": [
    {"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}]})");
  repo.write("bucket.json", R"({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject",
     "Resource": "arn:aws:s3:::b/*"}]})");
  const CliRun text = run_policylint(repo.path(), "--no-config --color never guard.json bucket.json");
  CHECK(text.out.find("note: 1 document was linted as a policy type its text does not settle") != std::string::npos);
  CHECK(text.out.find("--policy-type") != std::string::npos);

  const CliRun json = run_policylint(repo.path(), "--no-config --format json guard.json bucket.json");
  CHECK(json.out.find(R"("ambiguous": true)") != std::string::npos);
  CHECK(json.out.find(R"("ambiguous": false)") != std::string::npos);
  CHECK(json.out.find(R"("basis": "a Principal")") != std::string::npos);

  const CliRun named = run_policylint(repo.path(), "--no-config --color never --policy-type scp guard.json");
  CHECK(named.out.find("does not settle") == std::string::npos);
}
