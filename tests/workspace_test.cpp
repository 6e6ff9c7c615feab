// A Workspace owns a whole run: inputs routed by content to the source
// readers, results in input order, and set-level rules (guardrail coverage,
// PL423) judged once over the run's SCPs, never from a part of the set.
#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cli_support.hpp"
#include "policylint/guardrails.hpp"
#include "policylint/workspace.hpp"

using namespace policylint;

namespace {

const char* const kCloudTrail = R"({"Version": "2012-10-17", "Statement": {"Effect": "Deny",
  "Action": "cloudtrail:*", "Resource": "*"}})";
const char* const kRootAndRest = R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "Deny", "Action": "*", "Resource": "*",
   "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"}}},
  {"Effect": "Deny", "Resource": "*", "Action": ["config:Stop*", "config:Delete*", "guardduty:*",
   "securityhub:Disable*", "securityhub:Disassociate*", "access-analyzer:DeleteAnalyzer",
   "organizations:LeaveOrganization"],
   "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/BreakGlass"}}}]})";
std::string corpus_file(const std::string& relative) {
  std::ifstream in(std::string(POLICYLINT_SOURCE_DIR) + "/corpus/" + relative, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<std::string> codes_in(const LintResult& result, std::string_view code) {
  std::vector<std::string> subjects;
  for (const Finding& finding : result.findings) {
    if (finding.code == code) {
      subjects.push_back(finding.subject);
    }
  }
  return subjects;
}

std::size_t count(const std::string& text, const std::string& word) {
  std::size_t n = 0;
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("a workspace reports set-level findings once, with the set's other SCPs as related locations",
          "[workspace][guardrails]") {
  Workspace workspace;
  workspace.add_buffer("identity.json", test::kPolicyWithError);
  workspace.add_buffer("scps/trail.json", kCloudTrail, PolicyType::scp);
  workspace.add_buffer("scps/rest.json", kRootAndRest, PolicyType::scp);
  WorkspaceOutcome outcome;
  const std::vector<LintResult> results = workspace.lint_all(&outcome);
  REQUIRE(results.size() == 3);
  CHECK(outcome.set_rules_skipped.empty());
  CHECK(results[0].file == "identity.json");  // input order
  CHECK(results[1].file == "scps/trail.json");
  CHECK(results[2].file == "scps/rest.json");
  CHECK(codes_in(results[0], "PL423").empty());
  CHECK(codes_in(results[2], "PL423").empty());

  const std::vector<std::string> missing = codes_in(results[1], "PL423");
  const std::vector<Document> both = {parse_document("scps/trail.json", std::string(kCloudTrail)),
                                      parse_document("scps/rest.json", std::string(kRootAndRest))};
  CHECK(missing.size() == check_guardrails(both, Linter()).size());
  CHECK(std::find(missing.begin(), missing.end(), "protect-cloudtrail") == missing.end());
  for (const Finding& finding : results[1].findings) {
    if (finding.code == "PL423") {
      REQUIRE(finding.related.size() == 1);
      CHECK(finding.related.front().file == "scps/rest.json");
      CHECK(finding.related.front().range.begin.line == 1);
    }
  }
}

TEST_CASE("a workspace routes each input by its content", "[workspace]") {
  Workspace workspace;
  workspace.add_buffer("report.txt", corpus_file("credential-report/root-dirty.csv"));
  workspace.add_buffer("app.env", corpus_file("secrets/app.env"));
  workspace.add_buffer("policy.json", test::kCleanPolicy);
  const std::vector<LintResult> results = workspace.lint_all();
  REQUIRE(results.size() == 3);
  CHECK(results[0].credential_report.has_value());  // read as a credential report, whatever its name
  CHECK_FALSE(codes_in(results[0], "PL501").empty());  // root access key
  CHECK(codes_in(results[1], "PL530").size() == 1);  // an access key id in a dotenv file
  CHECK(codes_in(results[1], "PL531").size() == 1);
  CHECK_FALSE(results[2].credential_report.has_value());
  CHECK(results[2].findings.empty());
}

TEST_CASE("SCPs picked one by one are not judged as the whole set unless it is completed", "[workspace][guardrails]") {
  Workspace picked;
  WorkspaceInput input;
  input.source = WorkspaceInput::Source::buffer;
  input.name = "scps/trail.json";
  input.bytes = kCloudTrail;
  input.policy_type = PolicyType::scp;
  input.picked = true;
  picked.add(input);
  WorkspaceOutcome outcome;
  const std::vector<LintResult> alone = picked.lint_all(&outcome);
  REQUIRE(alone.size() == 1);
  CHECK(codes_in(alone.front(), "PL423").empty());
  CHECK(outcome.set_rules_skipped.find("PL423") != std::string::npos);

  Workspace completed;
  completed.add(input);
  WorkspaceInput rest;
  rest.source = WorkspaceInput::Source::buffer;
  rest.name = "scps/rest.json";
  rest.bytes = kRootAndRest;
  rest.policy_type = PolicyType::scp;
  rest.context_only = true;
  completed.add(rest);
  completed.mark_set_complete();
  const std::vector<LintResult> judged = completed.lint_all(&outcome);
  REQUIRE(judged.size() == 1);  // the context-only SCP reports nothing of its own
  CHECK(outcome.set_rules_skipped.empty());
  const std::vector<std::string> missing = codes_in(judged.front(), "PL423");
  CHECK_FALSE(missing.empty());
  CHECK(std::find(missing.begin(), missing.end(), "protect-cloudtrail") == missing.end());
  CHECK(std::find(missing.begin(), missing.end(), "deny-root-user") == missing.end());
}

TEST_CASE("a pre-commit run on some of a repository's SCPs reports no guardrail the repository has",
          "[workspace][guardrails][cli]") {
  test::TempDir dir;
  test::git_init(dir.path());
  dir.write(".policylint.json", R"({"policy-types": {"scps/**": "scp"}})");
  dir.write("scps/trail.json", kCloudTrail);
  dir.write("scps/rest.json", kRootAndRest);
  dir.write("roles/app.json", test::kCleanPolicy);
  REQUIRE(test::run_shell(dir.path(), "git add -A && git commit -qm init") == 0);

  const test::CliRun whole = test::run_policylint(dir.path(), "--no-source --format json .");
  INFO(whole.out << whole.err);
  const std::size_t missing_in_repository = count(whole.out, "\"PL423\"");

  // What the hook runs: the staged files only, each set of files possibly in
  // a process of its own.
  for (const std::string staged : {"scps/trail.json", "scps/rest.json", "roles/app.json scps/rest.json"}) {
    const test::CliRun hook =
        test::run_policylint(dir.path(), "--force-exclude --policies-only --no-source --format json " + staged);
    INFO(staged << "\n" << hook.out << hook.err);
    CHECK(count(hook.out, "\"PL423\"") == missing_in_repository);
    CHECK(hook.out.find("protect-cloudtrail") == std::string::npos);
    CHECK(hook.out.find("\"set_rules_skipped\"") == std::string::npos);
  }
  // Staging a file that is no SCP judges no set at all.
  const test::CliRun unrelated = test::run_policylint(dir.path(), "--force-exclude --policies-only roles/app.json");
  CHECK(unrelated.out.find("PL423") == std::string::npos);
}

TEST_CASE("SCPs named one by one without a configuration are not judged as a set, and the summary says so",
          "[workspace][guardrails][cli]") {
  test::TempDir dir;
  dir.write("scps/trail.json", kCloudTrail);
  dir.write("scps/rest.json", kRootAndRest);
  const test::CliRun hook = test::run_policylint(dir.path(), "--policy-type scp --policies-only scps/trail.json");
  INFO(hook.out << hook.err);
  CHECK(hook.status == 0);
  CHECK(hook.out.find("PL423") != std::string::npos);  // named in the note only
  CHECK(hook.out.find("[PL423") == std::string::npos);
  CHECK(hook.out.find("note: guardrail coverage (PL423) was not judged") != std::string::npos);

  const test::CliRun json = test::run_policylint(dir.path(), "--policy-type scp --format json scps/trail.json");
  CHECK(json.out.find("\"set_rules_skipped\"") != std::string::npos);

  const test::CliRun directory = test::run_policylint(dir.path(), "--policy-type scp --format json scps");
  CHECK(directory.out.find("\"PL423\"") != std::string::npos);  // a directory holds the whole set
  CHECK(directory.out.find("\"set_rules_skipped\"") == std::string::npos);
}
