// Pattern overlap and cover, as the evaluator (request resources with
// wildcards) and the Resource-cover checks use them.
#include <catch2/catch.hpp>

#include "analysis/glob_relations.hpp"

using policylint::analysis::glob_covers;
using policylint::analysis::globs_overlap;

TEST_CASE("glob relations: overlap", "[analysis][glob]") {
  CHECK(globs_overlap("b/*", "b/foo*"));
  CHECK(globs_overlap("*/AWSLogs/*", "example-bucket/*"));
  CHECK(globs_overlap("?" "?-bucket/x", "ab-*"));  // "?" "?": no trigraph
  CHECK(globs_overlap("a*", "*b"));
  CHECK_FALSE(globs_overlap("b/bar*", "b/foo*"));
  CHECK_FALSE(globs_overlap("a?", "abc"));
  CHECK(globs_overlap("", "*"));
  CHECK_FALSE(globs_overlap("", "?"));
}

TEST_CASE("glob relations: cover", "[analysis][glob]") {
  CHECK(glob_covers("b/*", "b/foo*"));
  CHECK(glob_covers("us-*", "us-east-*"));
  CHECK(glob_covers("a?", "a?"));
  CHECK(glob_covers("a?c", "abc"));
  CHECK(glob_covers("*", "*"));
  CHECK_FALSE(glob_covers("b/foo*", "b/*"));
  CHECK_FALSE(glob_covers("a?", "a*"));   // `*` may stand for more than one character
  CHECK_FALSE(glob_covers("a?b", "a*"));
  CHECK_FALSE(glob_covers("abc", "ab?"));
}
