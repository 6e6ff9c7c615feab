// Severities where policylint departs from, or splits, an IAM Access
// Analyzer check (docs/access-analyzer.md, "Severities"): the finding a user
// sees carries the severity its rule page promises.
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "policylint/linter.hpp"
#include "policylint/rules.hpp"

using namespace policylint;

namespace {

std::vector<Finding> lint(const std::string& document, const LintOptions& options) {
  return Linter(options).lint("p.json", document).findings;
}

std::vector<Finding> lint_rule(const std::string& code, const std::string& document,
                               std::optional<PolicyType> type = std::nullopt) {
  LintOptions options;
  options.select = {code};
  options.policy_type = type;
  return lint(document, options);
}

const Finding& only(const std::vector<Finding>& findings) {
  REQUIRE(findings.size() == 1);
  return findings.front();
}

std::string with_condition(const std::string& condition) {
  return R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
    "Resource": "arn:aws:s3:::bucket/*", "Condition": {)" +
         condition + "}}]}";
}

std::string github_trust(const std::string& subject) {
  return R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                  "StringLike": {"token.actions.githubusercontent.com:sub": ")" +
         subject + R"("}}}]})";
}

}  // namespace

TEST_CASE("an empty list of condition values is an error only where it makes the statement dead", "[severity][PL114]") {
  struct Case {
    const char* condition;
    Severity severity;
    const char* says;  ///< what the message must say the condition does
  };
  const Case cases[] = {
      // A positive operator matches nothing: the statement never applies.
      {R"("StringEquals": {"aws:PrincipalOrgID": []})", Severity::error, "matches nothing"},
      {R"("ForAnyValue:StringEquals": {"aws:TagKeys": []})", Severity::error, "matches nothing"},
      // The statement still applies: IfExists and ForAllValues hold when the
      // key is absent, a negated operator always, ForAnyValue with a negated
      // one whenever the key is present.
      {R"("StringEqualsIfExists": {"s3:x-amz-acl": []})", Severity::warning,
       "holds only when the request has no s3:x-amz-acl"},
      {R"("ForAllValues:StringEquals": {"aws:TagKeys": []})", Severity::warning,
       "holds only when the request has no aws:TagKeys"},
      {R"("StringNotEquals": {"aws:PrincipalAccount": []})", Severity::warning, "holds for every request"},
      {R"("ForAnyValue:StringNotEquals": {"aws:TagKeys": []})", Severity::warning,
       "holds whenever the request has aws:TagKeys"},
  };
  for (const Case& c : cases) {
    INFO(c.condition);
    const std::vector<Finding> findings = lint_rule("PL114", with_condition(c.condition));
    const Finding& finding = only(findings);
    CHECK(finding.severity == c.severity);
    CHECK_THAT(finding.message, Catch::Contains(c.says));
    if (c.severity != Severity::error) {
      CHECK_THAT(finding.message, !Catch::Contains("matches nothing"));
    }
  }
}

TEST_CASE("a GitHub subject open only in the branch of one named repository is a warning", "[severity][PL403]") {
  const auto type = PolicyType::trust;
  CHECK(only(lint_rule("PL403", github_trust("repo:my-org/app:*"), type)).severity == Severity::warning);
  CHECK(only(lint_rule("PL403", github_trust("repo:my-org/app:ref:*"), type)).severity == Severity::warning);
  CHECK(only(lint_rule("PL403", github_trust("repo:my-org/*"), type)).severity == Severity::security);
  CHECK(only(lint_rule("PL403", github_trust("repo:my-org/app*:ref:refs/heads/main"), type)).severity ==
        Severity::security);
  CHECK(only(lint_rule("PL403", github_trust("*"), type)).severity == Severity::security);
  CHECK(lint_rule("PL403", github_trust("repo:my-org/app:ref:refs/heads/main"), type).empty());
}

TEST_CASE("a policy over its size quota is an error only where the quota is fixed", "[severity][PL118]") {
  const std::string policy = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*",
    "Resource": "*", "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": "o-exampleorgid"}}}]})";
  LintOptions options;
  options.select = {"PL118"};
  options.size_limits.identity = 20;
  options.size_limits.scp = 20;
  options.size_limits.rcp = 20;
  options.policy_type = PolicyType::identity;
  CHECK(only(lint(policy, options)).severity == Severity::warning);
  options.policy_type = PolicyType::scp;
  CHECK(only(lint(policy, options)).severity == Severity::error);
  options.policy_type = PolicyType::rcp;
  CHECK(only(lint(policy, options)).severity == Severity::error);
}

TEST_CASE("rules whose severity follows Access Analyzer's", "[severity]") {
  // UNIQUE_SIDS_RECOMMENDED, TYPE_MISMATCH_*, RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL
  // (lowered from security: not every integration sends the keys).
  CHECK(find_rule("PL116")->severity == Severity::warning);
  CHECK(find_rule("PL220")->severity == Severity::warning);
  CHECK(find_rule("PL406")->severity == Severity::warning);
}
