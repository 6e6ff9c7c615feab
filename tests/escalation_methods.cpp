// Privilege escalation (PL301) and the method table: every method resolves
// to catalog actions, has a corpus case where it fires and one where it must
// stay quiet, and is judged with its conditions, resources and Denies.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "analysis/escalation_methods.hpp"
#include "policylint/linter.hpp"

namespace fs = std::filesystem;
using namespace policylint;

namespace {

// Why a near-miss case stays quiet: the last part of its name.
constexpr std::array<std::string_view, 4> kWhyQuiet = {"named-resource", "tag-condition", "passed-to-other-service",
                                                       "denied"};

const fs::path kEscalationCorpus = fs::path(POLICYLINT_SOURCE_DIR) / "corpus" / "escalation";

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<Finding> lint(const std::string& name, const std::string& text, std::string_view select = "PL3") {
  LintOptions options;
  options.select = {std::string(select)};
  options.policy_type = PolicyType::identity;
  return Linter(options).lint(name, text).findings;
}

std::vector<Finding> lint_statements(const std::string& statements, std::string_view select = "PL301") {
  return lint("test.json", R"({"Version": "2012-10-17", "Statement": )" + statements + "}", select);
}

/// The PL301 findings that name the method (by id, in the message).
std::vector<const Finding*> naming(const std::vector<Finding>& findings, std::string_view id) {
  std::vector<const Finding*> out;
  const std::string tag = "(" + std::string(id) + ")";
  const std::string direct = "escalation: " + std::string(id) + ")";
  for (const Finding& finding : findings) {
    if (finding.code == "PL301" &&
        (finding.message.find(tag) != std::string::npos || finding.message.find(direct) != std::string::npos)) {
      out.push_back(&finding);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("escalation: every method is well formed and names catalog actions", "[escalation]") {
  std::set<std::string_view> ids;
  for (const analysis::EscalationMethod& method : analysis::escalation_methods()) {
    INFO(method.id);
    CHECK(ids.insert(method.id).second);
    CHECK(std::all_of(method.id.begin(), method.id.end(),
                      [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }));
    CHECK_FALSE(method.source.empty());
    CHECK_FALSE(method.how.empty());
    const analysis::EscalationSteps steps = analysis::resolve_steps(method);
    CHECK(steps.unknown_actions.empty());
    CHECK_FALSE(steps.steps.empty());
    const bool passes_role = method.requirement.find("iam:PassRole") != std::string_view::npos;
    CHECK(passes_role == !method.passed_to.empty());
    CHECK(passes_role == (method.kind == analysis::EscalationKind::new_resource));
  }
  CHECK(ids.size() >= 39);
}

TEST_CASE("escalation: each method fires in its corpus case and stays quiet in its near-miss", "[escalation][corpus]") {
  for (const analysis::EscalationMethod& method : analysis::escalation_methods()) {
    INFO(method.id);
    const fs::path fires = kEscalationCorpus / ("pl301-" + std::string(method.id) + ".json");
    REQUIRE(fs::exists(fires));
    CHECK(naming(lint(fires.string(), read_bytes(fires)), method.id).size() == 1);
    std::size_t quiet_cases = 0;
    for (const auto& entry : fs::directory_iterator(kEscalationCorpus)) {
      const std::string name = entry.path().filename().string();
      const bool near_miss = std::any_of(kWhyQuiet.begin(), kWhyQuiet.end(), [&](std::string_view why) {
        return name == "pl301-ok-" + std::string(method.id) + "-" + std::string(why) + ".json";
      });
      if (near_miss) {
        ++quiet_cases;
        INFO(name);
        CHECK(naming(lint(name, read_bytes(entry.path())), method.id).empty());
      }
    }
    CHECK(quiet_cases >= 1);
  }
}

TEST_CASE("escalation: actions spread over statements combine, and the finding points at each", "[escalation]") {
  const auto findings = lint_statements(R"([
    {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"},
    {"Effect": "Allow", "Action": "lambda:CreateFunction", "Resource": "*"},
    {"Effect": "Allow", "Action": "lambda:InvokeFunction", "Resource": "arn:aws:lambda:*:*:function:*"}])");
  const auto lambda = naming(findings, "pass-role-lambda");
  REQUIRE(lambda.size() == 1);
  CHECK(lambda.front()->severity == Severity::security);
  CHECK(lambda.front()->statement_index == 0u);
  std::set<std::size_t> lines;
  for (const RelatedLocation& related : lambda.front()->related) {
    lines.insert(related.range.begin.line);
  }
  CHECK(lines.size() == 3);  // one line per statement
  CHECK(lambda.front()->message.find("iam:PassRole, lambda:CreateFunction and lambda:InvokeFunction") !=
        std::string::npos);
}

TEST_CASE("escalation: iam:PassedToService decides which pass-role methods remain", "[escalation]") {
  const auto findings = lint_statements(R"([
    {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}},
    {"Effect": "Allow", "Action": ["ec2:RunInstances", "lambda:CreateFunction", "lambda:InvokeFunction"], "Resource": "*"}])");
  CHECK(naming(findings, "pass-role-ec2").size() == 1);
  CHECK(naming(findings, "pass-role-lambda").empty());
}

TEST_CASE("escalation: confidence and conditions set the severity", "[escalation]") {
  const auto existing = lint_statements(
      R"([{"Effect": "Allow", "Action": ["ssm:SendCommand", "lambda:UpdateFunctionCode"], "Resource": "*"}])");
  REQUIRE(existing.size() == 1);  // methods that need an existing resource share one finding per statement
  CHECK(existing.front().severity == Severity::warning);
  CHECK(naming(existing, "ssm-send-command").size() == 1);
  CHECK(naming(existing, "update-lambda-code").size() == 1);

  const auto mfa = lint_statements(
      R"([{"Effect": "Allow", "Action": "iam:AttachUserPolicy", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}])");
  REQUIRE(mfa.size() == 1);
  CHECK(mfa.front().severity == Severity::warning);

  const auto not_narrowing = lint_statements(
      R"([{"Effect": "Allow", "Action": "iam:AttachUserPolicy", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}])");
  REQUIRE(not_narrowing.size() == 1);
  CHECK(not_narrowing.front().severity == Severity::security);

  CHECK(lint_statements(R"([{"Effect": "Allow", "Action": "iam:AttachUserPolicy", "Resource": "*",
                             "Condition": {"StringEquals": {"aws:ResourceTag/team": "a"}}}])")
            .empty());
}

TEST_CASE("escalation: administrators are reported once, by PL300", "[escalation]") {
  const auto findings = lint_statements(R"([{"Effect": "Allow", "Action": "*", "Resource": "*"}])", "PL3");
  REQUIRE(findings.size() == 1);
  CHECK(findings.front().code == "PL300");
}

TEST_CASE("escalation: verdicts on well-known AWS managed policies", "[escalation][aws-managed]") {
  const char* env = std::getenv("POLICYLINT_SHARED_DIR");
  const fs::path dir =
      fs::path(env != nullptr && *env != '\0' ? env : POLICYLINT_SOURCE_DIR "/../shared") / "corpus" / "aws-managed";
  if (!fs::is_directory(dir)) {
    WARN("skipped: the AWS managed policy corpus is not at " << dir.string());
    return;
  }
  const auto findings_of = [&](std::string_view name) {
    const fs::path path = dir / (std::string(name) + ".json");
    return lint(path.string(), read_bytes(path));
  };
  const auto count = [](const std::vector<Finding>& findings, std::string_view code) {
    return std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.code == code; });
  };

  const auto admin = findings_of("AdministratorAccess");
  CHECK(admin.size() == 1);
  CHECK(count(admin, "PL300") == 1);
  const auto iam_full = findings_of("IAMFullAccess");
  CHECK(count(iam_full, "PL300") == 1);
  CHECK(count(iam_full, "PL301") == 0);

  // PowerUserAccess: everything but IAM and Organizations, so not admin, but
  // it can take over existing resources' roles and read every secret.
  const auto power = findings_of("PowerUserAccess");
  CHECK(count(power, "PL300") == 0);
  CHECK(count(power, "PL301") == 1);
  CHECK(count(power, "PL307") == 1);
  CHECK(count(power, "PL302") == 2);

  // A read-only policy must not drown in findings: a handful, grouped.
  const auto read_only = findings_of("ReadOnlyAccess");
  CHECK(read_only.size() <= 8);
  CHECK(count(read_only, "PL300") == 0);
  CHECK(count(read_only, "PL301") == 0);
  CHECK(count(read_only, "PL302") <= 3);

  const auto audit = findings_of("SecurityAudit");
  CHECK(std::none_of(audit.begin(), audit.end(), [](const Finding& f) { return f.severity >= Severity::security; }));

  const auto s3_full = findings_of("AmazonS3FullAccess");
  CHECK(count(s3_full, "PL304") == 1);
  CHECK(count(s3_full, "PL306") == 2);
  CHECK(count(s3_full, "PL301") == 0);
}
