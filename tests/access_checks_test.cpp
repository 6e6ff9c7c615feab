// The three access checks on small policies: PASS, FAIL and "cannot prove"
// for each condition operator family, Deny subtraction, NotAction and
// NotResource, principals, guardrails, public access.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "policylint/access_checks.hpp"
#include "policylint/document.hpp"

using namespace policylint;

namespace {

Policy parse(const std::string& statements) {
  Document document = parse_document("p.json", R"({"Version": "2012-10-17", "Statement": [)" + statements + "]}");
  REQUIRE(document.policy);
  return *document.policy;
}

std::string allow(const std::string& action, const std::string& resource, const std::string& condition = "") {
  return R"({"Effect": "Allow", "Action": )" + action + R"(, "Resource": )" + resource +
         (condition.empty() ? "" : R"(, "Condition": )" + condition) + "}";
}

std::string deny(const std::string& action, const std::string& resource, const std::string& condition = "") {
  return R"({"Effect": "Deny", "Action": )" + action + R"(, "Resource": )" + resource +
         (condition.empty() ? "" : R"(, "Condition": )" + condition) + "}";
}

CheckResult no_new(const std::string& old_statements, const std::string& new_statements,
                   PolicyType type = PolicyType::identity) {
  const Policy old_policy = parse(old_statements);
  const Policy new_policy = parse(new_statements);
  return check_no_new_access({"old.json", &old_policy}, {"new.json", &new_policy}, type);
}

enum class Outcome { pass, fail, cannot_prove };

Outcome outcome(const CheckResult& result) {
  if (result.passed) return Outcome::pass;
  for (const CheckIssue& issue : result.issues) {
    if (issue.kind == CheckIssueKind::cannot_prove) return Outcome::cannot_prove;
  }
  return Outcome::fail;
}

/// The same statement in OLD and NEW but for the condition.
Outcome conditions(const std::string& old_condition, const std::string& new_condition) {
  return outcome(
      no_new(allow(R"("s3:GetObject")", R"("*")", old_condition), allow(R"("s3:GetObject")", R"("*")", new_condition)));
}

}  // namespace

TEST_CASE("no-new-access: actions and resources", "[checks]") {
  CHECK(outcome(no_new(allow(R"("s3:*")", R"("arn:aws:s3:::logs/*")"),
                       allow(R"(["s3:GetObject", "s3:PutObject"])", R"("arn:aws:s3:::logs/app/*")"))) == Outcome::pass);
  CHECK(outcome(no_new(allow(R"("s3:Get*")", R"("arn:aws:s3:::logs/*")"),
                       allow(R"("s3:DeleteObject")", R"("arn:aws:s3:::logs/*")"))) == Outcome::fail);
  CHECK(outcome(no_new(allow(R"("s3:GetObject")", R"("arn:aws:s3:::logs/*")"),
                       allow(R"("s3:GetObject")", R"("arn:aws:s3:::*")"))) == Outcome::fail);
  // Two OLD statements share NEW's actions between them.
  CHECK(outcome(no_new(allow(R"("s3:GetObject")", R"("*")") + "," + allow(R"("s3:PutObject")", R"("*")"),
                       allow(R"(["s3:GetObject", "s3:PutObject"])", R"("arn:aws:s3:::a/b")"))) == Outcome::pass);
  // ARN fields: the region and account compared one by one, ignoring case.
  CHECK(outcome(no_new(allow(R"("ec2:*")", R"("arn:aws:ec2:*:111122223333:instance/*")"),
                       allow(R"("ec2:StartInstances")", R"("arn:AWS:ec2:us-east-1:111122223333:instance/i-1")"))) ==
        Outcome::pass);
  CHECK(outcome(no_new(allow(R"("ec2:*")", R"("arn:aws:ec2:*:111122223333:instance/*")"),
                       allow(R"("ec2:StartInstances")", R"("arn:aws:ec2:us-east-1:444455556666:instance/i-1")"))) ==
        Outcome::fail);
}

TEST_CASE("no-new-access: NotAction, NotResource and policy variables", "[checks]") {
  CHECK(outcome(no_new(R"({"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"})",
                       allow(R"("s3:GetObject")", R"("*")"))) == Outcome::pass);
  CHECK(outcome(no_new(R"({"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"})",
                       allow(R"("iam:PassRole")", R"("*")"))) == Outcome::fail);
  CHECK(outcome(no_new(R"({"Effect": "Allow", "Action": "s3:*", "NotResource": "arn:aws:s3:::secret/*"})",
                       allow(R"("s3:GetObject")", R"("arn:aws:s3:::logs/*")"))) == Outcome::pass);
  CHECK(outcome(no_new(R"({"Effect": "Allow", "Action": "s3:*", "NotResource": "arn:aws:s3:::secret/*"})",
                       allow(R"("s3:GetObject")", R"("arn:aws:s3:::*")"))) == Outcome::fail);
  // The same variable substitutes alike; a variable in NEW stands for anything.
  CHECK(outcome(no_new(allow(R"("s3:*")", R"("arn:aws:s3:::home/${aws:username}/*")"),
                       allow(R"("s3:GetObject")", R"("arn:aws:s3:::home/${aws:username}/*")"))) == Outcome::pass);
  CHECK(outcome(no_new(allow(R"("s3:*")", R"("arn:aws:s3:::home/${aws:username}/*")"),
                       allow(R"("s3:GetObject")", R"("arn:aws:s3:::home/alice/*")"))) == Outcome::fail);
  CHECK(outcome(no_new(allow(R"("s3:*")", R"("arn:aws:s3:::home/*")"),
                       allow(R"("s3:GetObject")", R"("arn:aws:s3:::home/${aws:username}/*")"))) == Outcome::pass);
}

TEST_CASE("no-new-access: Deny statements", "[checks]") {
  const std::string grant = allow(R"("s3:*")", R"("*")");
  // OLD's Deny dropped: NEW denies less.
  CHECK(outcome(no_new(grant + "," + deny(R"("s3:DeleteObject")", R"("*")"), grant)) == Outcome::fail);
  // Kept, or widened.
  CHECK(outcome(no_new(grant + "," + deny(R"("s3:DeleteObject")", R"("arn:aws:s3:::logs/*")"),
                       grant + "," + deny(R"("s3:Delete*")", R"("*")"))) == Outcome::pass);
  // NEW's Deny with a stronger condition denies less.
  CHECK(outcome(no_new(
            grant + "," + deny(R"("s3:DeleteObject")", R"("*")"),
            grant + "," + deny(R"("s3:DeleteObject")", R"("*")", R"({"Bool": {"aws:SecureTransport": "false"}})"))) ==
        Outcome::fail);
  // A Deny of actions NEW never allows takes nothing away.
  CHECK(outcome(no_new(allow(R"("s3:GetObject")", R"("*")") + "," + deny(R"("iam:*")", R"("*")"),
                       allow(R"("s3:GetObject")", R"("*")"))) == Outcome::pass);
  // For guardrails every Deny must remain, whatever the SCP allows.
  CHECK(outcome(no_new(allow(R"("s3:GetObject")", R"("*")") + "," + deny(R"("iam:*")", R"("*")"),
                       allow(R"("s3:GetObject")", R"("*")"), PolicyType::scp)) == Outcome::fail);
}

TEST_CASE("no-new-access: explanation in words", "[checks]") {
  const CheckResult result = no_new(
      allow(R"("s3:DeleteObject")", R"("arn:aws:s3:::logs/*")", R"({"StringEquals": {"aws:SourceVpc": "vpc-1a2b"}})"),
      allow(R"("s3:DeleteObject")", R"("arn:aws:s3:::logs/*")"));
  REQUIRE(result.issues.size() == 1);
  CHECK(result.issues[0].message ==
        "NEW allows s3:DeleteObject on arn:aws:s3:::logs/* without aws:SourceVpc = vpc-1a2b (OLD required it)");
  CHECK(result.issues[0].document == "new.json");
  CHECK(result.issues[0].range.begin.line == 1);
  CHECK(result.issues[0].condition == "always");
}

TEST_CASE("no-new-access: string and ARN conditions", "[checks][conditions]") {
  const std::string vpc1 = R"({"StringEquals": {"aws:SourceVpc": "vpc-1"}})";
  CHECK(conditions(R"({"StringEquals": {"aws:SourceVpc": ["vpc-1", "vpc-2"]}})", vpc1) == Outcome::pass);
  CHECK(conditions(vpc1, R"({"StringEquals": {"aws:SourceVpc": ["vpc-1", "vpc-2"]}})") == Outcome::fail);
  CHECK(conditions(R"({"StringLike": {"aws:SourceVpc": "vpc-*"}})", vpc1) == Outcome::pass);
  CHECK(conditions(R"({"StringNotEquals": {"aws:SourceVpc": "vpc-2"}})", vpc1) == Outcome::pass);
  CHECK(conditions(R"({"StringNotEquals": {"aws:SourceVpc": "vpc-1"}})", vpc1) == Outcome::fail);
  CHECK(conditions(R"({"StringNotLike": {"aws:SourceVpc": "vpc-2*"}})",
                   R"({"StringNotLike": {"aws:SourceVpc": "vpc-*"}})") == Outcome::pass);
  // A glob in NEW against a list in OLD: not decided.
  CHECK(conditions(vpc1, R"({"StringLike": {"aws:SourceVpc": "vpc-1*"}})") == Outcome::cannot_prove);
  CHECK(conditions(R"({"StringEqualsIgnoreCase": {"aws:SourceVpc": "VPC-1"}})", vpc1) == Outcome::pass);
  CHECK(conditions(vpc1, R"({"StringEqualsIgnoreCase": {"aws:SourceVpc": "vpc-1"}})") == Outcome::fail);
  const std::string topic = R"({"ArnLike": {"aws:SourceArn": "arn:aws:sns:*:111122223333:*"}})";
  CHECK(conditions(topic, R"({"ArnEquals": {"aws:SourceArn": "arn:aws:SNS:us-east-1:111122223333:t"}})") ==
        Outcome::pass);
  CHECK(conditions(topic, R"({"ArnEquals": {"aws:SourceArn": "arn:aws:sns:us-east-1:444455556666:t"}})") ==
        Outcome::fail);
  CHECK(conditions(topic, R"({"ArnLike": {"aws:SourceArn": "arn:aws:sns:*:*:*"}})") == Outcome::cannot_prove);
}

TEST_CASE("no-new-access: numeric and date conditions", "[checks][conditions]") {
  CHECK(conditions(R"({"NumericLessThan": {"s3:max-keys": "20"}})",
                   R"({"NumericLessThanEquals": {"s3:max-keys": "10"}})") == Outcome::pass);
  CHECK(conditions(R"({"NumericLessThan": {"s3:max-keys": "10"}})",
                   R"({"NumericLessThanEquals": {"s3:max-keys": "10"}})") == Outcome::fail);
  CHECK(conditions(R"({"NumericNotEquals": {"s3:max-keys": "7"}})",
                   R"({"NumericGreaterThan": {"s3:max-keys": "7"}})") == Outcome::pass);
  CHECK(conditions(R"({"DateGreaterThan": {"aws:CurrentTime": "2024-01-01T00:00:00Z"}})",
                   R"({"DateGreaterThan": {"aws:CurrentTime": "2025-01-01"}})") == Outcome::pass);
  CHECK(conditions(R"({"DateGreaterThan": {"aws:CurrentTime": "2025-01-01T00:00:00Z"}})",
                   R"({"DateGreaterThan": {"aws:CurrentTime": "2024-01-01"}})") == Outcome::fail);
  // Numeric against Date on one key: different families, not decided.
  CHECK(conditions(R"({"DateGreaterThan": {"aws:EpochTime": "1700000000"}})",
                   R"({"NumericGreaterThan": {"aws:EpochTime": "1800000000"}})") == Outcome::cannot_prove);
}

TEST_CASE("no-new-access: IP, Bool and Null conditions", "[checks][conditions]") {
  CHECK(conditions(R"({"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}})",
                   R"({"IpAddress": {"aws:SourceIp": "10.1.0.0/16"}})") == Outcome::pass);
  CHECK(conditions(R"({"IpAddress": {"aws:SourceIp": "10.1.0.0/16"}})",
                   R"({"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}})") == Outcome::fail);
  CHECK(conditions(R"({"NotIpAddress": {"aws:SourceIp": "192.0.2.0/24"}})",
                   R"({"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}})") == Outcome::pass);
  // Two halves of OLD's range do not cover NEW's whole: not decided.
  CHECK(conditions(R"({"IpAddress": {"aws:SourceIp": ["10.0.0.0/9", "10.128.0.0/9"]}})",
                   R"({"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}})") == Outcome::cannot_prove);
  CHECK(conditions(R"({"Bool": {"aws:SecureTransport": "true"}})", R"({"Bool": {"aws:SecureTransport": "true"}})") ==
        Outcome::pass);
  CHECK(conditions(R"({"Bool": {"aws:SecureTransport": "true"}})", R"({"Bool": {"aws:SecureTransport": "false"}})") ==
        Outcome::fail);
  CHECK(conditions(R"({"Bool": {"aws:SecureTransport": "true"}})",
                   R"({"BoolIfExists": {"aws:SecureTransport": "true"}})") == Outcome::fail);
  CHECK(conditions(R"({"Null": {"aws:SourceVpc": "false"}})", R"({"StringEquals": {"aws:SourceVpc": "vpc-1"}})") ==
        Outcome::pass);
  CHECK(conditions(R"({"Null": {"aws:SourceVpc": "false"}})", R"({"StringNotEquals": {"aws:SourceVpc": "vpc-1"}})") ==
        Outcome::fail);
  CHECK(conditions(R"({"StringEquals": {"aws:SourceVpc": "vpc-1"}})", R"({"Null": {"aws:SourceVpc": "false"}})") ==
        Outcome::fail);
}

TEST_CASE("no-new-access: IfExists and set operators", "[checks][conditions]") {
  CHECK(conditions(R"({"StringEqualsIfExists": {"aws:SourceVpc": "vpc-1"}})",
                   R"({"StringEquals": {"aws:SourceVpc": "vpc-1"}})") == Outcome::pass);
  CHECK(conditions(R"({"StringEquals": {"aws:SourceVpc": "vpc-1"}})",
                   R"({"StringEqualsIfExists": {"aws:SourceVpc": "vpc-1"}})") == Outcome::fail);
  CHECK(conditions(R"({"ForAllValues:StringEquals": {"aws:TagKeys": ["a", "b"]}})",
                   R"({"ForAllValues:StringEquals": {"aws:TagKeys": ["a"]}})") == Outcome::pass);
  CHECK(conditions(R"({"ForAllValues:StringEquals": {"aws:TagKeys": ["a"]}})",
                   R"({"ForAllValues:StringEquals": {"aws:TagKeys": ["a", "b"]}})") == Outcome::fail);
  CHECK(conditions(R"({"ForAnyValue:StringLike": {"aws:TagKeys": "a*"}})",
                   R"({"ForAnyValue:StringEquals": {"aws:TagKeys": "ab"}})") == Outcome::pass);
  // ForAllValues holds on an empty list, ForAnyValue does not: not decided.
  CHECK(conditions(R"({"ForAnyValue:StringEquals": {"aws:TagKeys": "a"}})",
                   R"({"ForAllValues:StringEquals": {"aws:TagKeys": "a"}})") == Outcome::cannot_prove);
  CHECK(conditions(R"({"StringEquals": {"aws:SourceVpc": "vpc-1"}})",
                   R"({"StringEqualsFancy": {"aws:SourceVpc": "vpc-1"}})") == Outcome::cannot_prove);
}

TEST_CASE("no-new-access: principals of resource policies", "[checks]") {
  const auto statement = [](const std::string& principal) {
    return R"({"Effect": "Allow", "Principal": )" + principal + R"(, "Action": "s3:GetObject", "Resource": "*"})";
  };
  CHECK(outcome(no_new(
            statement(R"({"AWS": ["arn:aws:iam::111122223333:role/a", "arn:aws:iam::111122223333:role/b"]})"),
            statement(R"({"AWS": "arn:aws:iam::111122223333:role/a"})"), PolicyType::resource)) == Outcome::pass);
  // An account and its root ARN name the same principal.
  CHECK(outcome(no_new(statement(R"({"AWS": "111122223333"})"), statement(R"({"AWS": "arn:aws:iam::111122223333:root"})"),
                       PolicyType::resource)) == Outcome::pass);
  CHECK(outcome(no_new(statement(R"({"AWS": "arn:aws:iam::111122223333:role/a"})"), statement(R"("*")"),
                       PolicyType::resource)) == Outcome::fail);
}

TEST_CASE("access-not-granted", "[checks]") {
  const Policy policy =
      parse(allow(R"("s3:*")", R"("arn:aws:s3:::logs/*")") + "," + deny(R"("s3:DeleteObject")", R"("*")") + "," +
            deny(R"("s3:PutObject")", R"("*")", R"({"Bool": {"aws:SecureTransport": "false"}})"));
  const std::vector<NamedPolicy> policies = {{"p.json", &policy}};
  const auto check = [&](std::vector<std::string> actions, std::vector<std::string> resources) {
    return check_access_not_granted(policies, actions, resources);
  };
  CHECK(check({"s3:GetObject"}, {}).passed == false);
  CHECK(check({"s3:GetObject"}, {"arn:aws:s3:::data/x"}).passed);
  CHECK(check({"s3:GetObject"}, {"arn:aws:s3:::logs/x"}).passed == false);
  // An unconditional Deny takes the action back; a conditional one does not.
  CHECK(check({"s3:DeleteObject"}, {}).passed);
  CHECK(check({"s3:PutObject"}, {}).passed == false);
  CHECK(check({"ec2:*", "iam:PassRole"}, {}).passed);
  const CheckResult result = check({"s3:Get*"}, {});
  REQUIRE(result.issues.size() == 1);
  CHECK(result.issues[0].message == "the Allow may grant s3:Get* on *");
}

TEST_CASE("no-public-access", "[checks]") {
  const auto check = [](const std::string& statements) {
    const Policy policy = parse(statements);
    return check_no_public_access({"bucket.json", &policy}, "AWS::S3::Bucket");
  };
  const std::string everyone =
      R"({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*")";
  CHECK_FALSE(check(everyone + "}").passed);
  CHECK(check(everyone + R"(, "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}})").passed);
  CHECK(
      check(
          R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:*", "Resource": "*"})")
          .passed);
  CHECK_FALSE(
      check(
          R"({"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:*", "Resource": "*"})")
          .passed);
  CHECK(is_public_access_resource_type("AWS::KMS::Key"));
  CHECK_FALSE(is_public_access_resource_type("AWS::S3::Object"));
}
