// Guardrail coverage over a set of SCPs (check_guardrails, rule PL423), in
// the library and through `policylint --policy-type scp`.
#include <algorithm>

#include <catch2/catch.hpp>

#include "analysis/guardrails.hpp"
#include "cli_support.hpp"
#include "policylint/catalog.hpp"
#include "policylint/guardrails.hpp"
#include "policylint/rules.hpp"

using namespace policylint;

namespace {

std::vector<std::string> missing_ids(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& finding : findings) {
    CHECK(finding.code == "PL423");
    out.push_back(finding.subject);
  }
  return out;
}

const char* const kCloudTrail = R"({"Version": "2012-10-17", "Statement": {"Effect": "Deny",
  "Action": "cloudtrail:*", "Resource": "*"}})";
const char* const kRootAndRest = R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "Deny", "Action": "*", "Resource": "*",
   "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"}}},
  {"Effect": "Deny", "Resource": "*", "Action": ["config:Stop*", "config:Delete*", "guardduty:*",
   "securityhub:Disable*", "securityhub:Disassociate*", "access-analyzer:DeleteAnalyzer",
   "organizations:LeaveOrganization"],
   "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/BreakGlass"}}}]})";

}  // namespace

TEST_CASE("every guardrail names catalog actions and a statement that parses", "[guardrails]") {
  for (const analysis::Guardrail& guardrail : analysis::recommended_guardrails()) {
    INFO(guardrail.id);
    for (const std::string_view action : guardrail.actions) {
      CHECK(catalog::find_action(action).has_value());
    }
    const Document statement = parse_document("statement", std::string(guardrail.statement));
    CHECK(statement.issues.empty());
    // The statement enforces its own guardrail.
    const Document scp = parse_document(
        "scp.json", R"({"Version": "2012-10-17", "Statement": )" + std::string(guardrail.statement) + "}");
    const Policy* policies[] = {&*scp.policy};
    const auto missing = analysis::missing_guardrails(policies);
    CHECK(std::find(missing.begin(), missing.end(), &guardrail) == missing.end());
  }
}

TEST_CASE("coverage is judged over the whole set of SCPs", "[guardrails]") {
  const std::vector<Document> one = {parse_document("trail.json", kCloudTrail)};
  const auto alone = missing_ids(check_guardrails(one, Linter()));
  CHECK(std::find(alone.begin(), alone.end(), "protect-cloudtrail") == alone.end());
  CHECK(std::find(alone.begin(), alone.end(), "deny-root-user") != alone.end());
  CHECK(alone.size() == analysis::recommended_guardrails().size() - 1);

  const std::vector<Document> both = {parse_document("trail.json", kCloudTrail),
                                      parse_document("rest.json", kRootAndRest)};
  const std::vector<Finding> findings = check_guardrails(both, Linter());
  CHECK(missing_ids(findings) == std::vector<std::string>{"restrict-regions"});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].file == "trail.json");
  CHECK(findings[0].severity == Severity::suggestion);
  CHECK(findings[0].message.find("none of the 2 SCPs (trail.json, rest.json) enforces it") != std::string::npos);
  CHECK(findings[0].message.find("aws:RequestedRegion") != std::string::npos);
}

TEST_CASE("a Deny aimed at the root user does not protect security services", "[guardrails]") {
  const std::vector<Document> root_only = {parse_document("root.json", R"({"Version": "2012-10-17", "Statement": {
    "Effect": "Deny", "Action": "*", "Resource": "*",
    "Condition": {"StringLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"}}}})")};
  const auto missing = missing_ids(check_guardrails(root_only, Linter()));
  CHECK(std::find(missing.begin(), missing.end(), "deny-root-user") == missing.end());
  CHECK(std::find(missing.begin(), missing.end(), "deny-root-access-keys") == missing.end());
  CHECK(std::find(missing.begin(), missing.end(), "protect-cloudtrail") != missing.end());
}

TEST_CASE("check_guardrails honours select, ignore and severity overrides", "[guardrails]") {
  const std::vector<Document> scps = {parse_document("trail.json", kCloudTrail)};
  LintOptions ignore;
  ignore.ignore = {"missing-guardrail"};
  CHECK(check_guardrails(scps, Linter(ignore)).empty());
  LintOptions override_severity;
  override_severity.severity_overrides["PL423"] = Severity::error;
  for (const Finding& finding : check_guardrails(scps, Linter(override_severity))) {
    CHECK(finding.severity == Severity::error);
  }
  const std::vector<Document> not_json = {parse_document("broken.json", "{")};
  CHECK(check_guardrails(not_json, Linter()).empty());
}

TEST_CASE("the PL423 page's Example misses guardrails and Use instead misses none", "[guardrails][docs]") {
  const std::string_view doc = rule_documentation("PL423");
  const auto block_after = [&](std::string_view heading) {
    const std::size_t open = doc.find("```json\n", doc.find(heading));
    const std::size_t close = doc.find("\n```", open + 8);
    return std::string(doc.substr(open + 8, close + 1 - (open + 8)));
  };
  const std::vector<Document> bad = {parse_document("example.json", block_after("## Example"))};
  const std::vector<Document> good = {parse_document("use-instead.json", block_after("## Use instead"))};
  CHECK_FALSE(check_guardrails(bad, Linter()).empty());
  CHECK(check_guardrails(good, Linter()).empty());
}

TEST_CASE("policylint --policy-type scp reports missing guardrails once for all SCPs", "[guardrails][cli]") {
  test::TempDir dir;
  dir.write("scps/trail.json", kCloudTrail);
  dir.write("scps/rest.json", kRootAndRest);
  const test::CliRun run = test::run_policylint(dir.path(), "--policy-type scp --format json scps");
  INFO(run.out << run.err);
  CHECK(run.status == 0);  // only the region suggestion is missing
  CHECK(run.out.find("restrict-regions") != std::string::npos);
  CHECK(run.out.find("protect-cloudtrail") == std::string::npos);

  const test::CliRun detected = test::run_policylint(dir.path(), "--format json scps");
  CHECK(detected.out.find("PL423") == std::string::npos);  // identity policies: no coverage check
}

TEST_CASE("guardrail findings go with the first SCP when other files come before and after", "[guardrails][cli]") {
  test::TempDir dir;
  dir.write(".policylint.json", R"({"policy-types": {"b/**": "scp"}})");
  dir.write("a/identity.json", test::kPolicyWithError);
  dir.write("b/1.json", kCloudTrail);
  dir.write("b/2.json", kRootAndRest);
  dir.write("c/identity.json", test::kPolicyWithError);
  const test::CliRun run = test::run_policylint(dir.path(), "--no-source .");
  INFO(run.out << run.err);
  const std::size_t first = run.out.find("a/identity.json:");
  const std::size_t guardrail = run.out.find("b/1.json:");
  const std::size_t last = run.out.find("c/identity.json:");
  REQUIRE(guardrail != std::string::npos);
  CHECK(run.out.find("PL423", guardrail) != std::string::npos);
  CHECK(run.out.find("b/2.json:") == std::string::npos);
  CHECK(first < guardrail);
  CHECK(guardrail < last);
  CHECK(run.out.find("in 4 files") != std::string::npos);
}
