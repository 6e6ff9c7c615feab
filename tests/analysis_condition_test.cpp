// Condition operators, values and keys as the validity rules read them.
#include <catch2/catch.hpp>

#include "analysis/condition_keys.hpp"
#include "analysis/condition_operator.hpp"
#include "analysis/condition_values.hpp"

using namespace policylint::analysis;

TEST_CASE("parse_condition_operator splits qualifier, base and IfExists", "[analysis][condition]") {
  const auto op = parse_condition_operator("ForAnyValue:StringNotLikeIfExists");
  REQUIRE(op);
  CHECK(op->set == SetQualifier::for_any_value);
  CHECK(op->base->name == "StringNotLike");
  CHECK(op->base->family == OperatorFamily::string);
  CHECK(op->base->negated);
  CHECK(op->base->wildcards);
  CHECK(op->if_exists);
  CHECK(op->exact_case);
  CHECK(canonical_spelling(*op) == "ForAnyValue:StringNotLikeIfExists");
}

TEST_CASE("parse_condition_operator reads every family and rejects unknown names", "[analysis][condition]") {
  CHECK(parse_condition_operator("NotIpAddress")->base->family == OperatorFamily::ip_address);
  CHECK(parse_condition_operator("ArnEquals")->base->wildcards);
  CHECK(parse_condition_operator("DateGreaterThanEquals")->base->family == OperatorFamily::date);
  CHECK(parse_condition_operator("NullIfExists")->if_exists);
  CHECK_FALSE(parse_condition_operator("StringEqual"));
  CHECK_FALSE(parse_condition_operator("ForAllValue:StringEquals"));
  CHECK_FALSE(parse_condition_operator(""));
  const auto lower = parse_condition_operator("stringequals");
  REQUIRE(lower);
  CHECK_FALSE(lower->exact_case);
  CHECK(canonical_spelling(*lower) == "StringEquals");
  // Exact case means every part as AWS spells it: qualifier, operator and suffix.
  for (const std::string_view written : {"forAnyValue:StringLike", "ForAnyValue:Stringlike", "StringLikeIfexists"}) {
    INFO(written);
    REQUIRE(parse_condition_operator(written));
    CHECK_FALSE(parse_condition_operator(written)->exact_case);
  }
  CHECK(parse_condition_operator("ForAllValues:StringLikeIfExists")->exact_case);
}

TEST_CASE("holds_when_key_absent follows IAM's rules for missing keys", "[analysis][condition]") {
  CHECK(holds_when_key_absent(*parse_condition_operator("StringEquals")) == false);
  CHECK(holds_when_key_absent(*parse_condition_operator("StringNotEquals")) == true);
  CHECK(holds_when_key_absent(*parse_condition_operator("StringEqualsIfExists")) == true);
  CHECK(holds_when_key_absent(*parse_condition_operator("ForAllValues:StringEquals")) == true);
  CHECK(holds_when_key_absent(*parse_condition_operator("ForAnyValue:StringNotEquals")) == false);
  CHECK_FALSE(holds_when_key_absent(*parse_condition_operator("Null")).has_value());
}

TEST_CASE("dates: ISO 8601 (W3C profile) or epoch seconds", "[analysis][condition]") {
  for (const char* good : {"2025", "2025-12", "2025-12-31", "2024-02-29", "2025-12-31T23:59Z", "2025-12-31T23:59:59Z",
                           "2025-12-31T23:59:59.123+02:00", "2025-12-31T10:00:00", "1767225599"}) {
    INFO(good);
    CHECK(is_date(good));
  }
  for (const char* bad : {"31/12/2025", "2025-13-01", "2025-02-29", "2025-12-31T24:00Z", "2025-12-31 10:00",
                          "2025-12-31T10:00:00+2", "yesterday", ""}) {
    INFO(bad);
    CHECK_FALSE(is_date(bad));
  }
}

TEST_CASE("numbers, booleans and base64", "[analysis][condition]") {
  CHECK(is_number("10"));
  CHECK(is_number("-2.5"));
  CHECK(is_number("1e3"));
  CHECK_FALSE(is_number("1."));
  CHECK_FALSE(is_number("ten"));
  CHECK(parse_bool("TRUE") == true);
  CHECK(parse_bool("false") == false);
  CHECK_FALSE(parse_bool("yes"));
  CHECK(is_base64("QmluYXJ5"));
  CHECK(is_base64("QQ=="));
  CHECK_FALSE(is_base64("QQ="));
  CHECK_FALSE(is_base64("not base64!"));
}

TEST_CASE("IP ranges: IPv4 and IPv6, with or without a prefix length", "[analysis][condition]") {
  const auto v4 = parse_ip_range("203.0.113.0/24");
  REQUIRE(v4);
  CHECK_FALSE(v4->v6);
  CHECK(v4->prefix_length == 24);
  CHECK(v4->bytes[2] == 113);
  CHECK(parse_ip_range("198.51.100.7")->prefix_length == 32);
  const auto v6 = parse_ip_range("2001:DB8::/32");
  REQUIRE(v6);
  CHECK(v6->v6);
  CHECK(v6->bytes[0] == 0x20);
  CHECK(v6->bytes[1] == 0x01);
  CHECK(v6->bytes[3] == 0xb8);
  CHECK(parse_ip_range("::1")->bytes[15] == 1);
  CHECK(parse_ip_range("::ffff:10.0.0.1")->bytes[12] == 10);
  for (const char* bad : {"203.0.113.0/33", "300.1.2.3", "1.2.3", "1.2.3.4.5", "01.2.3.4", "2001:db8::1::2",
                          "2001:db8:/32", "::/129", "10.0.0.0/", "host"}) {
    INFO(bad);
    CHECK_FALSE(parse_ip_range(bad));
  }
}

TEST_CASE("host bits past the prefix, and the range written canonically", "[analysis][condition]") {
  const auto canonical = [](std::string_view text) { return canonical_cidr(*parse_ip_range(text)); };
  CHECK(has_host_bits(*parse_ip_range("203.0.113.7/24")));
  CHECK(canonical("203.0.113.7/24") == "203.0.113.0/24");
  CHECK(canonical("10.255.1.1/9") == "10.128.0.0/9");
  CHECK_FALSE(has_host_bits(*parse_ip_range("203.0.113.7")));
  CHECK_FALSE(has_host_bits(*parse_ip_range("203.0.113.0/24")));
  CHECK_FALSE(has_host_bits(*parse_ip_range("0.0.0.0/0")));
  CHECK(has_host_bits(*parse_ip_range("2001:db8:0:0:1::7/64")));
  CHECK(canonical("2001:db8:0:0:1::7/64") == "2001:db8::/64");
  CHECK(canonical("2001:DB8:1:2:3:4:5:6/48") == "2001:db8:1::/48");
  CHECK(canonical("::1/128") == "::1/128");
  CHECK(canonical("1:0:0:1:0:0:0:1/128") == "1:0:0:1::1/128");
  CHECK(canonical("fe80::1/10") == "fe80::/10");
  CHECK(canonical("::/0") == "::/0");
}

TEST_CASE("parse_number reads what Numeric operators read", "[analysis][condition]") {
  CHECK(parse_number("3600") == 3600.0);
  CHECK(parse_number("-2.5") == -2.5);
  CHECK(parse_number("1e3") == 1000.0);
  CHECK_FALSE(parse_number("inf"));
  CHECK_FALSE(parse_number("10 "));
  CHECK_FALSE(parse_number(""));
}

TEST_CASE("is_private: ranges aws:SourceIp never holds", "[analysis][condition]") {
  const auto is_private_text = [](const char* text) { return is_private(*parse_ip_range(text)); };
  CHECK(is_private_text("10.0.0.0/8"));
  CHECK(is_private_text("10.1.2.3"));
  CHECK(is_private_text("172.16.0.0/12"));
  CHECK(is_private_text("172.31.255.255"));
  CHECK(is_private_text("192.168.0.0/16"));
  CHECK(is_private_text("fd00::/8"));
  CHECK(is_private_text("fe80::1"));
  CHECK_FALSE(is_private_text("172.32.0.1"));
  CHECK_FALSE(is_private_text("203.0.113.0/24"));
  CHECK_FALSE(is_private_text("0.0.0.0/0"));   // covers public addresses too
  CHECK_FALSE(is_private_text("10.0.0.0/7"));  // wider than 10/8
  CHECK_FALSE(is_private_text("2001:db8::/32"));
}

TEST_CASE("look_up_condition_key tells unknown keys apart", "[analysis][condition]") {
  CHECK(look_up_condition_key("aws:SourceIp").status == KeyStatus::known);
  CHECK(look_up_condition_key("AWS:SOURCEIP").status == KeyStatus::known);
  CHECK(look_up_condition_key("aws:PrincipalTag/team").status == KeyStatus::known);
  CHECK(look_up_condition_key("s3:ExistingObjectTag/env").status == KeyStatus::known);
  CHECK(look_up_condition_key("secretsmanager:ResourceTag/owner").status == KeyStatus::known);
  CHECK(look_up_condition_key("token.actions.githubusercontent.com:sub").status == KeyStatus::provider_key);
  CHECK(look_up_condition_key("aws:RequestTag").status == KeyStatus::missing_tag_key);
  CHECK(look_up_condition_key("aws:SourceIP4").status == KeyStatus::unknown_global);
  CHECK(look_up_condition_key("s4:prefix").status == KeyStatus::unknown_service);
  CHECK(look_up_condition_key("s3:prefixes").status == KeyStatus::unknown_service_key);
  CHECK(look_up_condition_key("sourceip").status == KeyStatus::malformed);
  CHECK(look_up_condition_key("aws: SourceIp").status == KeyStatus::malformed);
}

TEST_CASE("multivalued keys, deprecated keys and request-origin keys", "[analysis][condition]") {
  CHECK(is_multivalued(*look_up_condition_key("aws:TagKeys").key));
  CHECK_FALSE(is_multivalued(*look_up_condition_key("aws:SourceVpc").key));
  const auto replacement = [](std::string_view name) {
    return deprecated_key_replacement(name, look_up_condition_key(name).key);
  };
  CHECK(replacement("aws:ARN"));
  CHECK(replacement("kms:CustomerMasterKeySpec") == "kms:KeySpec");
  CHECK_FALSE(replacement("kms:KeySpec"));
  CHECK(is_request_origin_key(*look_up_condition_key("ec2:SourceInstanceARN").key));
  CHECK_FALSE(is_request_origin_key(*look_up_condition_key("ec2:Region").key));
}
