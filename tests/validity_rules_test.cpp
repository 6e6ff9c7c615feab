// The catalog-aware validity rules (PL200-PL231) as a user sees them: which
// rule fires, at which exact column, and what the message suggests.
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "policylint/linter.hpp"

using namespace policylint;

namespace {

std::vector<Finding> lint(const std::string& statements, const std::string& version = "2012-10-17") {
  LintOptions options;
  options.select = {"PL2"};
  const Linter linter(options);
  return linter.lint("p.json", R"({"Version": ")" + version + R"(", "Statement": [)" + statements + "]}").findings;
}

std::vector<std::string> codes(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& finding : findings) {
    out.emplace_back(finding.code);
  }
  return out;
}

const Finding& only(const std::vector<Finding>& findings, std::string_view code) {
  const auto count = std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.code == code; });
  REQUIRE(count == 1);
  return *std::find_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.code == code; });
}

/// The text a finding's range covers.
std::string covered(const std::string& statements, const Finding& finding) {
  const std::string text = R"({"Version": "2012-10-17", "Statement": [)" + statements + "]}";
  return text.substr(finding.range.begin.offset, finding.range.end.offset - finding.range.begin.offset);
}

}  // namespace

TEST_CASE("unknown-action points at the action name and suggests the closest", "[validity]") {
  const std::string statement = R"({"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "arn:aws:s3:::b/*"})";
  const auto findings = lint(statement);
  const Finding& finding = only(findings, "PL202");
  CHECK(covered(statement, finding) == "GetObjekt");
  CHECK_THAT(finding.message, Catch::Contains("did you mean \"s3:GetObject\"?"));
  CHECK(finding.severity == Severity::error);
  CHECK(finding.category == Category::validity);
}

TEST_CASE("unknown-service points at the prefix and offers no far-fetched name", "[validity]") {
  const std::string statement =
      R"({"Effect": "Allow", "Action": ["dynamodbb:GetItem", "zzzzzzzz:Get"], "Resource": "*"})";
  const auto findings = lint(statement);
  REQUIRE(codes(findings) == std::vector<std::string>{"PL201", "PL201"});
  CHECK(covered(statement, findings[0]) == "dynamodbb");
  CHECK_THAT(findings[0].message, Catch::Contains("did you mean \"dynamodb\"?"));
  CHECK_THAT(findings[1].message, !Catch::Contains("did you mean"));
}

TEST_CASE("action names are matched ignoring case; an upper-case prefix is only a suggestion", "[validity]") {
  const auto findings = lint(R"({"Effect": "Allow", "Action": "EC2:describeINSTANCES", "Resource": "*"})");
  REQUIRE(codes(findings) == std::vector<std::string>{"PL204"});
  CHECK(findings[0].severity == Severity::suggestion);
}

TEST_CASE("ARN findings point at the offending field", "[validity]") {
  const std::string statement =
      R"({"Effect": "Allow", "Action": ["iam:GetRole", "sns:Publish"], "Resource": )"
      R"(["arn:aws:iam:us-east-1:111122223333:role/app", "arn:aws:sns:us-east-1:1111-2222-3333:alerts"]})";
  const auto findings = lint(statement);
  CHECK(covered(statement, only(findings, "PL207")) == "us-east-1");
  CHECK(covered(statement, only(findings, "PL208")) == "1111-2222-3333");
}

TEST_CASE("resource-action-mismatch names what the actions expect", "[validity]") {
  const auto findings =
      lint(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports"})");
  const Finding& finding = only(findings, "PL210");
  CHECK_THAT(finding.message, Catch::Contains("s3:GetObject expects"));
  CHECK_THAT(finding.message, Catch::Contains("object (arn:${Partition}:s3:::${BucketName}/${ObjectName})"));
  // Adding an action that acts on buckets makes the ARN useful.
  CHECK(lint(R"({"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "arn:aws:s3:::reports"})")
            .empty());
  // NotAction statements are not judged.
  CHECK(lint(R"({"Effect": "Deny", "NotAction": "s3:GetObject", "Resource": "arn:aws:s3:::reports"})").empty());
}

TEST_CASE("ForAllValues on a single-valued key is a security finding in an Allow only", "[validity]") {
  const std::string condition = R"("Condition": {"ForAllValues:StringEquals": {"aws:SourceVpc": "vpc-1a2b3c4d"}})";
  const auto allow = lint(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", )" +
                          condition + "}");
  REQUIRE(codes(allow) == std::vector<std::string>{"PL214"});
  CHECK(allow[0].severity == Severity::security);
  const auto deny = lint(R"({"Effect": "Deny", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", )" +
                         condition + "}");
  CHECK(codes(deny) == std::vector<std::string>{"PL215"});
}

TEST_CASE("condition keys: unknown ones get a suggestion, unsupported ones a warning", "[validity]") {
  const auto unknown = lint(
      R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", )"
      R"("Condition": {"IpAddress": {"aws:SourceIP4": "203.0.113.0/24"}}})");
  CHECK_THAT(only(unknown, "PL217").message, Catch::Contains("did you mean \"aws:SourceIp\"?"));
  const auto unsupported = lint(
      R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", )"
      R"("Condition": {"StringEquals": {"ec2:Region": "eu-west-1"}}})");
  const Finding& finding = only(unsupported, "PL218");
  CHECK(finding.severity == Severity::warning);
  CHECK_THAT(finding.message, Catch::Contains("never holds"));
  // IfExists makes the same condition always hold instead.
  const auto if_exists = lint(
      R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", )"
      R"("Condition": {"StringEqualsIfExists": {"ec2:Region": "eu-west-1"}}})");
  CHECK_THAT(only(if_exists, "PL218").message, Catch::Contains("always holds"));
}

TEST_CASE("condition values are checked against their operator", "[validity]") {
  const auto findings = lint(
      R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {)"
      R"("DateLessThan": {"aws:CurrentTime": ["2099-12-31", "31/12/2025"]},)"
      R"("IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "10.0.0.0/8"]},)"
      R"("StringEquals": {"s3:ExistingObjectTag/env": ["prod", "dev-*"]}}})");
  CHECK(codes(findings) == std::vector<std::string>{"PL220", "PL225", "PL221"});
  CHECK_THAT(findings[0].message, Catch::Contains("\"31/12/2025\""));
  CHECK_THAT(findings[1].message, Catch::Contains("\"10.0.0.0/8\""));
  CHECK_THAT(findings[2].message, Catch::Contains("StringLike"));
}

TEST_CASE("variables are checked only where IAM substitutes them", "[validity]") {
  const std::string statement =
      R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:usename}/*"})";
  const auto findings = lint(statement);
  CHECK(covered(statement, only(findings, "PL227")) == "${aws:usename}");
  // Under Version 2008-10-17 "${" is literal text, which PL117 reports.
  CHECK(lint(statement, "2008-10-17").empty());
  const auto misplaced = lint(
      R"({"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b", )"
      R"("Condition": {"NumericLessThan": {"s3:max-keys": "${aws:PrincipalTag/size}"}}})");
  CHECK(codes(misplaced) == std::vector<std::string>{"PL228"});
}

TEST_CASE("redundancy is reported once, on the later entry", "[validity]") {
  const auto actions = lint(R"({"Effect": "Allow", "Action": ["s3:GetObject", "s3:Get*"], "Resource": "arn:aws:s3:::b/*"})");
  const Finding& finding = only(actions, "PL229");
  CHECK_THAT(finding.message, Catch::Contains("\"s3:GetObject\" is already covered by \"s3:Get*\""));
  CHECK(finding.category == Category::style);
  REQUIRE(finding.related.size() == 1);
  const auto twice = lint(
      R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::b/*"]},)"
      R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"})");
  CHECK(codes(twice) == std::vector<std::string>{"PL230", "PL231"});
  CHECK(twice[1].statement_index == 1u);
}

TEST_CASE("bad input never crashes the validity rules", "[validity]") {
  for (const char* statements : {
           R"({"Effect": "Allow", "Action": [1, null, {}], "Resource": [[], true]})",
           R"({"Effect": "Allow", "Action": ":", "Resource": "arn:::::"})",
           R"({"Effect": "Allow", "Action": "*", "Resource": "arn:${", "Condition": {"": {"": [""]}}})",
           R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": ":::/"}}})",
           R"({"Effect": "Allow", "Action": "s3:${${${", "Resource": "${}${}${"})",
       }) {
    INFO(statements);
    CHECK_NOTHROW(lint(statements));
  }
}
