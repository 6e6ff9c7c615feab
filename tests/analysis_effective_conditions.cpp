// Condition analysis: what a statement's Condition does to its effect, judged
// offline against a given day.
#include <string>

#include <catch2/catch.hpp>

#include "analysis/condition_analysis.hpp"
#include "policylint/document.hpp"
#include "policylint/hygiene.hpp"

using namespace policylint;
using analysis::ConditionVerdict;

namespace {

analysis::Day day(std::string_view iso) { return *parse_date(iso); }

/// The analysis of the first statement of a policy whose Condition is `condition`.
analysis::ConditionAnalysis analyze(const std::string& condition, std::string_view today = "2026-06-15") {
  static std::vector<Document> keep;  // the analysis points into the document
  keep.push_back(parse_document(
      "test.json",
      R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": )" +
          condition + "}]}"));
  REQUIRE(keep.back().policy);
  return analysis::analyze_condition(keep.back().policy->statements.front().condition, day(today));
}

ConditionVerdict verdict(const std::string& condition, std::string_view today = "2026-06-15") {
  return analyze(condition, today).verdict;
}

}  // namespace

TEST_CASE("conditions: time keys are judged against today", "[analysis][conditions]") {
  CHECK(verdict(R"({"DateGreaterThan": {"aws:CurrentTime": "2020-01-01T00:00:00Z"}})") ==
        ConditionVerdict::always_true);
  CHECK(verdict(R"({"DateLessThan": {"aws:CurrentTime": "2020-01-01T00:00:00Z"}})") == ConditionVerdict::never_true);
  CHECK(verdict(R"({"DateLessThan": {"aws:CurrentTime": "2030-01-01"}})") == ConditionVerdict::weakly_restricting);
  CHECK(verdict(R"({"DateGreaterThan": {"aws:CurrentTime": "2030-01-01"}})") == ConditionVerdict::weakly_restricting);
  // Epoch seconds: 1577836800 is 2020-01-01.
  CHECK(verdict(R"({"DateLessThan": {"aws:EpochTime": "1577836800"}})") == ConditionVerdict::never_true);
  CHECK(verdict(R"({"DateGreaterThanEquals": {"aws:TokenIssueTime": "2020-01-01"}})") == ConditionVerdict::always_true);
  // Values are ORed: one future date keeps a DateLessThan alive.
  CHECK(verdict(R"({"DateLessThan": {"aws:CurrentTime": ["2020-01-01", "2030-01-01"]}})") ==
        ConditionVerdict::weakly_restricting);
  // An unreadable date never matches.
  CHECK(verdict(R"({"DateGreaterThan": {"aws:CurrentTime": "soon"}})") == ConditionVerdict::never_true);
}

TEST_CASE("conditions: the same condition changes verdict with the day", "[analysis][conditions]") {
  const std::string expiring = R"({"DateLessThan": {"aws:CurrentTime": "2030-06-01T00:00:00Z"}})";
  CHECK(verdict(expiring, "2030-01-01") == ConditionVerdict::weakly_restricting);
  CHECK(verdict(expiring, "2031-01-01") == ConditionVerdict::never_true);
  // Within a day of the boundary, zones and times of day make it uncertain: not "never".
  CHECK(verdict(expiring, "2030-06-01") == ConditionVerdict::weakly_restricting);
}

TEST_CASE("conditions: keys are judged by what they narrow", "[analysis][conditions]") {
  CHECK(verdict(R"({"Bool": {"aws:SecureTransport": "true"}})") == ConditionVerdict::not_narrowing);
  CHECK(verdict(R"({"StringEquals": {"aws:UserAgent": "aws-cli"}})") == ConditionVerdict::not_narrowing);
  CHECK(verdict(R"({"StringEquals": {"aws:RequestTag/team": "a"}})") == ConditionVerdict::not_narrowing);
  CHECK(verdict(R"({"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}})") == ConditionVerdict::restricting);
  CHECK(verdict(R"({"StringEquals": {"aws:ResourceTag/team": "a"}})") == ConditionVerdict::restricting);
  CHECK(verdict(R"({"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}})") == ConditionVerdict::restricting);
  CHECK(verdict(R"({"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}})") == ConditionVerdict::restricting);
  CHECK(verdict(R"({"StringEquals": {"aws:RequestedRegion": "eu-west-1"}})") == ConditionVerdict::restricting);
  CHECK(verdict(R"({"Bool": {"aws:MultiFactorAuthPresent": "true"}})") == ConditionVerdict::weakly_restricting);
  // BoolIfExists also holds for long-term keys, which carry no MFA information.
  CHECK(verdict(R"({"BoolIfExists": {"aws:MultiFactorAuthPresent": "true"}})") == ConditionVerdict::not_narrowing);
  CHECK(verdict(R"({"StringNotEquals": {"aws:ResourceTag/team": "a"}})") == ConditionVerdict::weakly_restricting);
  CHECK(verdict(R"({"StringEqualsIfExists": {"aws:ResourceTag/team": "a"}})") == ConditionVerdict::weakly_restricting);
  // "*" matches any value: only the key's presence is asked for.
  CHECK(verdict(R"({"StringLike": {"aws:PrincipalOrgID": "*"}})") == ConditionVerdict::not_narrowing);
  CHECK(verdict(R"({"StringLike": {"aws:RequestedRegion": "*"}})") == ConditionVerdict::always_true);
  // AND: the strongest entry decides.
  CHECK(
      verdict(R"({"Bool": {"aws:SecureTransport": "true"}, "StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}})") ==
      ConditionVerdict::restricting);
}

TEST_CASE("conditions: Null checks", "[analysis][conditions]") {
  CHECK(verdict(R"({"Null": {"aws:CurrentTime": "true"}})") == ConditionVerdict::never_true);
  CHECK(verdict(R"({"Null": {"aws:CurrentTime": "false"}})") == ConditionVerdict::always_true);
  CHECK(verdict(R"({"Null": {"aws:ResourceTag/team": "false"}})") == ConditionVerdict::weakly_restricting);
  CHECK(verdict(R"({"Null": {"aws:ResourceTag/team": "true"}})") == ConditionVerdict::not_narrowing);
  CHECK(verdict(R"({"Null": {"aws:ResourceTag/team": "maybe"}})") == ConditionVerdict::never_true);
}

TEST_CASE("conditions: contradictory entries never hold", "[analysis][conditions]") {
  CHECK(
      verdict(
          R"({"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}, "StringNotEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}})") ==
      ConditionVerdict::never_true);
  CHECK(
      verdict(
          R"({"StringEquals": {"aws:PrincipalOrgID": ["o-a1b2c3d4e5", "o-zzzzzzzzzz"]}, "StringNotEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}})") ==
      ConditionVerdict::restricting);
  CHECK(verdict(R"({"NumericGreaterThan": {"s3:max-keys": "10"}, "NumericLessThan": {"s3:max-keys": "5"}})") ==
        ConditionVerdict::never_true);
  CHECK(verdict(R"({"NumericGreaterThan": {"s3:max-keys": "1"}, "NumericLessThan": {"s3:max-keys": "5"}})") ==
        ConditionVerdict::restricting);
  CHECK(
      verdict(
          R"({"DateGreaterThan": {"aws:CurrentTime": "2031-01-01"}, "DateLessThan": {"aws:CurrentTime": "2030-01-01"}})") ==
      ConditionVerdict::never_true);
  CHECK(verdict(R"({"Null": {"aws:ResourceTag/team": "true"}, "StringEquals": {"aws:ResourceTag/team": "a"}})") ==
        ConditionVerdict::never_true);
  // IfExists entries do not contradict: both hold when the key is absent.
  CHECK(
      verdict(
          R"({"StringEqualsIfExists": {"aws:ResourceTag/team": "a"}, "StringNotEquals": {"aws:ResourceTag/team": "a"}})") !=
      ConditionVerdict::never_true);
  // An empty value list never matches a positive operator.
  CHECK(verdict(R"({"StringEquals": {"aws:PrincipalOrgID": []}})") == ConditionVerdict::never_true);
}

TEST_CASE("conditions: the decisive entry and its reason", "[analysis][conditions]") {
  const auto analysis =
      analyze(R"({"Bool": {"aws:SecureTransport": "true"}, "DateLessThan": {"aws:CurrentTime": "2001-01-01"}})");
  REQUIRE(analysis.decisive() != nullptr);
  CHECK(analysis.decisive()->entry->key == "aws:CurrentTime");
  CHECK(analysis.decisive()->reason.find("passed") != std::string_view::npos);
  CHECK(analyze("{}").verdict == ConditionVerdict::unconditional);
  CHECK(analyze("{}").decisive() == nullptr);
}

TEST_CASE("conditions: admits() and verdict_without() for iam:PassedToService", "[analysis][conditions]") {
  const auto exact =
      analyze(R"({"StringEquals": {"iam:PassedToService": ["ec2.amazonaws.com", "glue.amazonaws.com"]}})");
  CHECK(exact.admits("iam:PassedToService", "ec2.amazonaws.com"));
  CHECK(exact.admits("IAM:passedtoservice", "glue.amazonaws.com"));
  CHECK_FALSE(exact.admits("iam:PassedToService", "lambda.amazonaws.com"));
  CHECK(exact.verdict_without("iam:PassedToService") == ConditionVerdict::unconditional);

  const auto like = analyze(R"({"StringLike": {"iam:PassedToService": "*.amazonaws.com"}})");
  CHECK(like.admits("iam:PassedToService", "lambda.amazonaws.com"));
  const auto negated = analyze(R"({"StringNotEquals": {"iam:PassedToService": "lambda.amazonaws.com"}})");
  CHECK_FALSE(negated.admits("iam:PassedToService", "lambda.amazonaws.com"));
  CHECK(negated.admits("iam:PassedToService", "ec2.amazonaws.com"));
  // Other keys do not matter to admits().
  CHECK(analyze(R"({"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}})").admits("iam:PassedToService", "x"));
}
