// Principal classification, caller pins and public-access verdicts
// (lib/analysis/principal_analysis, public_access), which the PL4xx rules
// build on.
#include <catch2/catch.hpp>

#include "analysis/principal_analysis.hpp"
#include "analysis/public_access.hpp"
#include "policylint/document.hpp"

using namespace policylint;
using namespace policylint::analysis;

namespace {

Policy parse(const std::string& text) {
  Document document = parse_document("test.json", text);
  REQUIRE(document.policy);
  return std::move(*document.policy);
}

PrincipalKind kind_of(const char* group, const char* text) {
  Value value;
  value.text = text;
  return classify_principal(group, value).kind;
}

CallerPins pins_of(const std::string& condition) {
  const Policy policy = parse(R"({"Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
    "Resource": "*", "Condition": )" + condition + "}}");
  return allow_pins(policy.statements.at(0).condition);
}

}  // namespace

TEST_CASE("principals are classified by what they name", "[trust]") {
  CHECK(kind_of("AWS", "*") == PrincipalKind::everyone);
  CHECK(kind_of("AWS", "111122223333") == PrincipalKind::account);
  CHECK(kind_of("AWS", "arn:aws:iam::111122223333:root") == PrincipalKind::account);
  CHECK(kind_of("AWS", "arn:aws:iam::111122223333:user/alice") == PrincipalKind::iam_user);
  CHECK(kind_of("AWS", "arn:aws:iam::111122223333:role/path/deployer") == PrincipalKind::iam_role);
  CHECK(kind_of("AWS", "arn:aws:sts::111122223333:assumed-role/deployer/ci") == PrincipalKind::session);
  CHECK(kind_of("AWS", "AROA3XFRBF23EXAMPLE01") == PrincipalKind::unique_id);
  CHECK(kind_of("AWS", "AIDAJQABLZS4A3QDU576Q") == PrincipalKind::unique_id);
  CHECK(kind_of("AWS", "AROA") == PrincipalKind::other);  // too short to be an id
  CHECK(kind_of("Service", "ec2.amazonaws.com") == PrincipalKind::service);
  CHECK(kind_of("Federated", "cognito-identity.amazonaws.com") == PrincipalKind::cognito);
  CHECK(kind_of("Federated", "accounts.google.com") == PrincipalKind::oidc_provider);
  CHECK(kind_of("Federated", "arn:aws:iam::111122223333:saml-provider/Okta") == PrincipalKind::saml_provider);
  CHECK(kind_of("CanonicalUser", "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be") ==
        PrincipalKind::canonical_user);

  Value oidc;
  oidc.text = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";
  const PrincipalRef github = classify_principal("Federated", oidc);
  CHECK(github.kind == PrincipalKind::oidc_provider);
  CHECK(github.provider == "token.actions.githubusercontent.com");
  CHECK(github.account == "111122223333");
}

TEST_CASE("partial wildcards in principals are told from the bare star", "[trust]") {
  CHECK_FALSE(has_partial_wildcard("*"));
  CHECK(has_partial_wildcard("arn:aws:iam::*:root"));
  CHECK(has_partial_wildcard("arn:aws:iam::111122223333:role/deploy-?"));
  CHECK_FALSE(has_partial_wildcard("arn:aws:iam::111122223333:role/deploy"));
}

TEST_CASE("only positive tests of narrowing values pin the caller", "[trust]") {
  CHECK(pins_of(R"({"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}})").has(Pin::organization));
  CHECK(pins_of(R"({"stringequals": {"AWS:SourceVpce": "vpce-1a2b3c4d"}})").has(Pin::network));
  CHECK(pins_of(R"({"ArnLike": {"aws:SourceArn": "arn:aws:sns:eu-west-1:111122223333:*"}})").has(Pin::source_arn));
  CHECK(pins_of(R"({"Bool": {"aws:MultiFactorAuthPresent": "true"}})").has(Pin::mfa));
  CHECK(pins_of(R"({"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}})").has(Pin::mfa));

  // An absent key passes IfExists, negated and ForAllValues tests: no pin.
  CHECK(pins_of(R"({"StringEqualsIfExists": {"aws:SourceVpce": "vpce-1a2b3c4d"}})").empty());
  CHECK(pins_of(R"({"StringNotEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}})").empty());
  CHECK(pins_of(R"({"ForAllValues:StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}})").empty());
  // Values that admit everyone: no pin.
  CHECK(pins_of(R"({"StringLike": {"aws:PrincipalAccount": "*"}})").empty());
  CHECK(pins_of(R"({"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}})").empty());
  CHECK(pins_of(R"({"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/admin"}})").empty());
  CHECK(pins_of(R"({"BoolIfExists": {"aws:MultiFactorAuthPresent": "true"}})").empty());
  // Keys that do not say who calls: no pin.
  CHECK(pins_of(R"({"Bool": {"aws:SecureTransport": "true"}})").empty());
}

TEST_CASE("public grants say which actions become public, worst access level first", "[trust]") {
  const Policy policy = parse(R"({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject", "s3:PutBucketPolicy"], "Resource": "*"},
    {"Effect": "Allow", "Principal": "*", "Action": "s3:PutObject", "Resource": "*",
     "Condition": {"StringEquals": {"aws:PrincipalAccount": "111122223333"}}},
    {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:*", "Resource": "*"}]})");
  const auto grants = public_grants(policy);
  REQUIRE(grants.size() == 1);
  CHECK(grants[0].statement == &policy.statements[0]);
  CHECK(grants[0].actions.size() == 2);
  const std::string described = describe_access(grants[0].actions);
  CHECK(described == "1 Permissions management (s3:PutBucketPolicy); 1 Read (s3:GetObject)");
}

TEST_CASE("a Deny to everyone outside a pin takes a public grant back, a partial one does not", "[trust]") {
  const std::string allow =
      R"({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"})";
  const auto verdict = [&](const std::string& deny) {
    return public_grants(parse(R"({"Version": "2012-10-17", "Statement": [)" + allow + "," + deny + "]}")).size();
  };
  CHECK(verdict(R"({"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*",
    "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}})") == 0);
  // Covers other actions only.
  CHECK(verdict(R"({"Effect": "Deny", "Principal": "*", "Action": "s3:PutObject", "Resource": "*",
    "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}})") == 1);
  // Covers another bucket only.
  CHECK(verdict(R"({"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::other/*",
    "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}})") == 1);
  // Denies only plain HTTP: the grant stays public over HTTPS.
  CHECK(verdict(R"({"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*",
    "Condition": {"Bool": {"aws:SecureTransport": "false"}}})") == 1);
}

TEST_CASE("NotAction in a public grant makes everything else public", "[trust]") {
  const Policy policy = parse(R"({"Statement": {"Effect": "Allow", "Principal": {"AWS": "*"},
    "NotAction": "s3:DeleteBucket", "Resource": "*"}})");
  const auto grants = public_grants(policy);
  REQUIRE(grants.size() == 1);
  CHECK(grants[0].actions.size() > 1000);
  CHECK_FALSE(grants[0].actions.contains(*catalog::find_action("s3:DeleteBucket")));
}
