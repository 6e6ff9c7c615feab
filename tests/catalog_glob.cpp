// The wildcard matcher shared by actions, ARNs and *Like values.
#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "policylint/glob.hpp"

using policylint::CaseSensitivity;
using policylint::glob_match;

TEST_CASE("glob basics", "[glob]") {
  constexpr auto fold = CaseSensitivity::insensitive;
  CHECK(glob_match("", "", fold));
  CHECK_FALSE(glob_match("", "a", fold));
  CHECK(glob_match("*", "", fold));
  CHECK(glob_match("**", "", fold));
  CHECK(glob_match("**", "anything", fold));
  CHECK(glob_match("a**b", "ab", fold));
  CHECK(glob_match("a**b", "axxb", fold));
  CHECK_FALSE(glob_match("?", "", fold));
  CHECK(glob_match("ab?", "abc", fold));
  CHECK_FALSE(glob_match("ab?", "ab", fold));
  CHECK_FALSE(glob_match("ab?", "abcd", fold));
  CHECK(glob_match("*?", "a", fold));
  CHECK_FALSE(glob_match("*?", "", fold));
  CHECK(glob_match("Get*", "GetObject", fold));
  CHECK_FALSE(glob_match("Get*", "xGetObject", fold));
  CHECK(glob_match("*Object", "GetObject", fold));
  CHECK(glob_match("*a*b*c", "xxaxxbxxc", fold));
  CHECK_FALSE(glob_match("*a*b*c", "xxaxxbxxcx", fold));
  CHECK(glob_match("bucket/*/test/*", "bucket/1/2/test/3/x", CaseSensitivity::sensitive));
  CHECK(glob_match("bucket/*/test/*", "bucket//test/x", CaseSensitivity::sensitive));
  CHECK_FALSE(glob_match("bucket/*/test/*", "bucket/test/x", CaseSensitivity::sensitive));
}

TEST_CASE("glob case modes", "[glob]") {
  CHECK(glob_match("s3:getobject", "S3:GetObject", CaseSensitivity::insensitive));
  CHECK_FALSE(glob_match("s3:getobject", "S3:GetObject", CaseSensitivity::sensitive));
  CHECK(glob_match("arn:aws:iam::*:user/Bob", "arn:aws:iam::1:user/Bob", CaseSensitivity::sensitive));
  CHECK_FALSE(glob_match("arn:aws:iam::*:user/Bob", "arn:aws:iam::1:user/bob", CaseSensitivity::sensitive));
  CHECK(policylint::has_wildcard("a?"));
  CHECK_FALSE(policylint::has_wildcard("abc"));
}

TEST_CASE("pathological patterns stay linear", "[glob]") {
  const std::string text(1'000'000, 'a');
  const auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(glob_match("*a*a*a*a*b", text, CaseSensitivity::insensitive));
  CHECK(glob_match("*a*a*a*a*a", text, CaseSensitivity::sensitive));
  CHECK_FALSE(glob_match("*?*?*?*?*b", text, CaseSensitivity::sensitive));
  const auto elapsed = std::chrono::steady_clock::now() - start;
  // A backtracking matcher needs hours here; the linear one a few milliseconds.
  CHECK(elapsed < std::chrono::milliseconds(500));
}
