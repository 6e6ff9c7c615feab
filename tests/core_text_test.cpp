// Case-insensitive comparison, which IAM applies to actions, service
// prefixes and condition keys: only ASCII letters fold, nothing else.
#include <catch2/catch.hpp>
#include <string>

#include "text/text.hpp"

using policylint::equal_ignoring_case;
using policylint::starts_with_ignoring_case;

TEST_CASE("equal_ignoring_case folds ASCII letters only", "[text]") {
  CHECK(equal_ignoring_case("", ""));
  CHECK(equal_ignoring_case("s3:GetObject", "S3:getobject"));
  CHECK(equal_ignoring_case("secretsmanager:GetSecretValue", "SECRETSMANAGER:GETSECRETVALUE"));
  CHECK_FALSE(equal_ignoring_case("s3:GetObject", "s3:GetObjects"));
  CHECK_FALSE(equal_ignoring_case("s3:GetObject", "s3:GetObjecT2"));
  // Pairs that differ only in bit 0x20 but are not letters: '@' and '`',
  // '[' and '{', '^' and '~', and bytes outside ASCII.
  CHECK_FALSE(equal_ignoring_case("abcdefgh@", "abcdefgh`"));
  CHECK_FALSE(equal_ignoring_case("[abcdefgh", "{abcdefgh"));
  CHECK_FALSE(equal_ignoring_case("abcdefgh^ijklmnop", "ABCDEFGH~IJKLMNOP"));
  CHECK_FALSE(equal_ignoring_case("\xC3\x89tude-long-name", "\xE3\x89tude-long-name"));
}

TEST_CASE("equal_ignoring_case finds a difference at any position of a long text", "[text]") {
  const std::string base = "organizations:DescribeOrganizationalUnit";
  for (std::size_t i = 0; i < base.size(); ++i) {
    std::string changed = base;
    changed[i] = changed[i] == '#' ? '%' : '#';
    CHECK_FALSE(equal_ignoring_case(base, changed));
    std::string flipped = base;
    flipped[i] = static_cast<char>(flipped[i] ^ 0x20);
    const bool letter = (base[i] >= 'a' && base[i] <= 'z') || (base[i] >= 'A' && base[i] <= 'Z');
    CHECK(equal_ignoring_case(base, flipped) == letter);
  }
}

TEST_CASE("starts_with_ignoring_case", "[text]") {
  CHECK(starts_with_ignoring_case("AWS:SourceIp", "aws:"));
  CHECK(starts_with_ignoring_case("anything", ""));
  CHECK_FALSE(starts_with_ignoring_case("aw", "aws:"));
  CHECK_FALSE(starts_with_ignoring_case("aws-portal:View", "aws:"));
}
