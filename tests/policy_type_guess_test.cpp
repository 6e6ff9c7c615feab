// Policy-type detection from a document's own text (guess_policy_type).
#include <catch2/catch.hpp>
#include <string>

#include "policylint/document.hpp"
#include "policylint/linter.hpp"
#include "policylint/policy_type_guess.hpp"

using namespace policylint;

namespace {

PolicyTypeGuess guess(const std::string& statements) {
  const Document document =
      parse_document("t.json", "{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}");
  REQUIRE(document.policy.has_value());
  return guess_policy_type(*document.policy);
}

}  // namespace

TEST_CASE("policy type: only an Allow of sts:AssumeRole* makes a trust policy", "[document][policy-type]") {
  const auto trust =
      guess(R"({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"})");
  CHECK(trust.type == PolicyType::trust);
  CHECK_FALSE(trust.ambiguous);
  // A Deny of sts:AssumeRole to a named account is a resource policy's guard, not a trust policy.
  const auto deny = guess(
      R"({"Effect": "Deny", "Principal": {"AWS": "111122223333"}, "Action": ["s3:*", "sts:AssumeRole"], "Resource": "*"})");
  CHECK(deny.type == PolicyType::resource);
}

TEST_CASE("policy type: RCP and endpoint shapes", "[document][policy-type]") {
  // The AWS RCP data perimeter: Deny to everyone, on everything, for several services.
  const auto rcp = guess(
      R"({"Effect": "Deny", "Principal": "*", "Action": ["s3:*", "sqs:*", "kms:*", "sts:AssumeRole"], "Resource": "*",
                             "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}})");
  CHECK(rcp.type == PolicyType::rcp);
  CHECK_FALSE(rcp.ambiguous);
  // One service and Principal "*": a bucket policy's guard or an RCP, so assumed.
  const auto one_service = guess(R"({"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"})");
  CHECK(one_service.type == PolicyType::resource);
  CHECK(one_service.ambiguous);
  // A bucket policy's Deny names the bucket: no RCP shape.
  CHECK(
      guess(
          R"({"Effect": "Deny", "Principal": "*", "Action": ["s3:*", "kms:Decrypt"], "Resource": "arn:aws:s3:::b/*"})")
          .type == PolicyType::resource);
  // Allows to everyone across services: an endpoint policy.
  const auto endpoint =
      guess(R"({"Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject", "dynamodb:GetItem"], "Resource": "*",
                                  "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}})");
  CHECK(endpoint.type == PolicyType::endpoint);
  CHECK_FALSE(endpoint.ambiguous);
  // The default endpoint policy reads the same as RCPFullAWSAccess: assumed.
  const auto full = guess(R"({"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"})");
  CHECK(full.type == PolicyType::endpoint);
  CHECK(full.ambiguous);
  // One service allowed to everyone: a public resource policy.
  CHECK(guess(R"({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"})")
            .type == PolicyType::resource);
}

TEST_CASE("policy type: without a Principal", "[document][policy-type]") {
  const auto identity = guess(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})");
  CHECK(identity.type == PolicyType::identity);
  CHECK_FALSE(identity.ambiguous);
  const auto guardrail = guess(R"({"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"})");
  CHECK(guardrail.type == PolicyType::identity);
  CHECK(guardrail.ambiguous);  // an SCP reads the same
  CHECK_FALSE(guardrail.basis.empty());
}

TEST_CASE("policy type: the linter uses the guess", "[document][policy-type]") {
  const LintResult result = Linter().lint(
      "rcp.json",
      R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": ["s3:*", "sts:AssumeRole"], "Resource": "*"}]})");
  CHECK(result.policy_type == PolicyType::rcp);
  CHECK(result.policy_type_detected);
}

TEST_CASE("a bare statement is a policy to lint, reported as needing a policy around it", "[document][policy-type]") {
  const Document bare =
      parse_document("bare.json", R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})");
  REQUIRE(bare.policy.has_value());
  CHECK(is_bare_statement(*bare.policy));
  CHECK(looks_like_policy(bare));
  const Document other = parse_document("package.json", R"({"name": "x", "Effect": "Allow"})");
  REQUIRE(other.policy.has_value());
  CHECK_FALSE(is_bare_statement(*other.policy));
  CHECK_FALSE(looks_like_policy(other));
}
