// The trust, resource, RCP, MFA and root rules (PL4xx) where their behaviour
// depends on options the corpus cannot express (trusted-accounts,
// sensitive-actions) or on message content users act on.
#include <algorithm>

#include <catch2/catch.hpp>

#include "policylint/linter.hpp"

using namespace policylint;

namespace {

std::vector<Finding> findings_of(const std::string& text, std::string_view code, LintOptions options = {}) {
  const LintResult result = Linter(std::move(options)).lint("test.json", text);
  std::vector<Finding> out;
  std::copy_if(result.findings.begin(), result.findings.end(), std::back_inserter(out),
               [&](const Finding& f) { return f.code == code; });
  return out;
}

LintOptions with_trusted(std::string account) {
  LintOptions options;
  options.rule_options["trusted-accounts"] = {std::move(account)};
  return options;
}

const std::string kAccountTrust = R"({"Version": "2012-10-17", "Statement": {"Effect": "Allow",
  "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"}})";

}  // namespace

TEST_CASE("PL401 says whether the trusted account is your own", "[trust][rules]") {
  const auto third_party = findings_of(kAccountTrust, "PL401");
  REQUIRE(third_party.size() == 1);
  CHECK(third_party[0].message.find("sts:ExternalId") != std::string::npos);

  const auto own = findings_of(kAccountTrust, "PL401", with_trusted("111122223333"));
  REQUIRE(own.size() == 1);
  CHECK(own[0].message.find("one of your own accounts") != std::string::npos);
}

TEST_CASE("PL410 needs to know the owning account", "[trust][rules]") {
  const std::string bucket = R"({"Version": "2012-10-17", "Statement": {"Effect": "Allow",
    "Principal": {"AWS": ["arn:aws:iam::111122223333:role/app", "arn:aws:iam::444455556666:role/partner"]},
    "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example/*"}})";
  CHECK(findings_of(bucket, "PL410").empty());  // an S3 ARN names no account
  const auto listed = findings_of(bucket, "PL410", with_trusted("111122223333"));
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].subject == "444455556666");
  CHECK(listed[0].range.begin.line == 2);
}

TEST_CASE("PL400 names the public actions by access level", "[trust][rules]") {
  const auto found = findings_of(R"({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*",
    "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::example/*"}})", "PL400");
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.find("1 Write (s3:PutObject); 1 Read (s3:GetObject)") != std::string::npos);
  CHECK(found[0].severity == Severity::security);
  CHECK(found[0].category == Category::public_access);
}

TEST_CASE("PL434 runs only under require-mfa and honours sensitive-actions", "[trust][rules][mfa]") {
  const std::string policy = R"({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "iam:AttachRolePolicy", "Resource": "*"},
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]})";
  CHECK(findings_of(policy, "PL434").empty());
  LintOptions options;
  options.require_mfa = true;
  const auto found = findings_of(policy, "PL434", options);
  REQUIRE(found.size() == 1);
  CHECK(found[0].statement_index == 0u);

  options.rule_options["sensitive-actions"] = {"s3:Get*"};
  CHECK(findings_of(policy, "PL434", options).size() == 2);
}

TEST_CASE("PL434 accepts a Deny that refuses everything without MFA", "[trust][rules][mfa]") {
  LintOptions options;
  options.require_mfa = true;
  const std::string guarded = R"({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "iam:*", "Resource": "*"},
    {"Effect": "Deny", "NotAction": "sts:GetSessionToken", "Resource": "*",
     "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}]})";
  CHECK(findings_of(guarded, "PL434", options).empty());
  // With Bool, long-term keys skip the Deny: still a finding (and PL430).
  std::string leaky = guarded;
  leaky.replace(leaky.find("BoolIfExists"), 12, "Bool");
  CHECK(findings_of(leaky, "PL434", options).size() == 1);
  CHECK(findings_of(leaky, "PL430", options).size() == 1);
}

TEST_CASE("PL422 runs only with legacy-scp, and only on SCPs", "[trust][rules][scp]") {
  const std::string scp = R"({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*",
    "NotResource": "arn:aws:s3:::secret/*"}})";
  LintOptions options;
  options.policy_type = PolicyType::scp;
  CHECK(findings_of(scp, "PL422", options).empty());
  options.legacy_scp = true;
  CHECK(findings_of(scp, "PL422", options).size() == 1);
  options.policy_type = PolicyType::identity;
  CHECK(findings_of(scp, "PL422", options).empty());
}

TEST_CASE("RCP rules apply to RCPs only", "[trust][rules][rcp]") {
  const std::string policy = R"({"Version": "2012-10-17", "Statement": {"Effect": "Allow",
    "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject", "Resource": "*"}})";
  LintOptions options;
  options.policy_type = PolicyType::rcp;
  CHECK(findings_of(policy, "PL420", options).size() == 1);
  CHECK(findings_of(policy, "PL421", options).size() == 1);
  options.policy_type = PolicyType::resource;
  CHECK(findings_of(policy, "PL420", options).empty());
  CHECK(findings_of(policy, "PL421", options).empty());
}

TEST_CASE("PL403 points at each subject that is too broad", "[trust][rules][federation]") {
  const auto found = findings_of(R"({"Version": "2012-10-17", "Statement": {"Effect": "Allow",
    "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
      "StringLike": {"token.actions.githubusercontent.com:sub": ["repo:org/app:ref:refs/heads/main",
        "repo:org/app:environment:*", "repo:org/*:pull_request", "repo:org/app:pull_request"]}}}})", "PL403");
  REQUIRE(found.size() == 2);
  CHECK(found[0].subject == "repo:org/app:environment:*");
  CHECK(found[1].subject == "repo:org/*:pull_request");
}
