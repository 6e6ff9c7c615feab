// Path globs used by --include/--exclude and the configuration.
#include <catch2/catch.hpp>

#include "policylint/config.hpp"

using policylint::path_matches;

TEST_CASE("a glob without a slash matches any path component", "[cli][glob]") {
  CHECK(path_matches("*.json", "a.json"));
  CHECK(path_matches("*.json", "deep/dir/a.json"));
  CHECK(path_matches("legacy", "x/legacy/a.json"));
  CHECK_FALSE(path_matches("legacy", "legacy-new/a.json"));
  CHECK_FALSE(path_matches("*.json", "a.json5"));
}

TEST_CASE("a glob with a slash matches the path or a leading directory", "[cli][glob]") {
  CHECK(path_matches("legacy/*", "legacy/a.json"));
  CHECK(path_matches("legacy/", "legacy/sub/a.json"));
  CHECK(path_matches("policies/scp", "policies/scp/deny.json"));
  CHECK_FALSE(path_matches("policies/scp", "other/policies/scp/deny.json"));
  CHECK(path_matches("roles/*-trust.json", "roles/app-trust.json"));
  CHECK(path_matches("**/*.json", "a/b/c.json"));
  CHECK(path_matches("./roles/*", "roles/x.json"));
}

TEST_CASE("a leading slash anchors a glob at the configuration's directory", "[cli][glob]") {
  CHECK(path_matches("/build", "build/x.json"));
  CHECK_FALSE(path_matches("/build", "src/build/x.json"));
  CHECK(path_matches("build", "src/build/x.json"));
}
