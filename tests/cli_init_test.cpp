// End-to-end: `policylint --init` writes a starting configuration that
// policylint then reads, with policy types guessed from names.
#include <catch2/catch.hpp>

#include <string>

#include "cli_support.hpp"

using policylint::test::CliRun;
using policylint::test::kCleanPolicy;
using policylint::test::run_policylint;
using policylint::test::TempDir;

namespace {

bool says(const std::string& text, const std::string& expected) { return text.find(expected) != std::string::npos; }

}  // namespace

TEST_CASE("init guesses policy types from folder and file names and says so", "[cli][init]") {
  const TempDir repo;
  repo.write("org/scp/deny-regions.json", kCleanPolicy);
  repo.write("org/scp/nested/deny-root.json", kCleanPolicy);
  repo.write("rcp/enforce-tls.json", kCleanPolicy);
  repo.write("roles/app-trust.json", kCleanPolicy);
  repo.write("buckets/logs-bucket-policy.json", kCleanPolicy);
  repo.write("roles/app.json", kCleanPolicy);
  const CliRun run = run_policylint(repo.path(), "--init");
  REQUIRE(run.status == 0);
  const std::string config = repo.read(".policylint.json");
  CHECK(says(config, R"("org/scp/": "scp")"));
  CHECK(says(config, R"("rcp/": "rcp")"));
  CHECK(says(config, R"("*trust*.json": "trust")"));
  CHECK(says(config, R"("*bucket-policy*.json": "resource")"));
  CHECK_FALSE(says(config, "app.json"));
  CHECK(says(run.err, "guessed scp for org/scp/ (2 files)"));
  CHECK(says(run.err, "guessed trust for *trust*.json (1 file)"));
  // policylint reads what it wrote (a clean identity policy read as an SCP
  // has guardrail findings: exit 1, not 2).
  const CliRun check = run_policylint(repo.path(), "--format json");
  CHECK(check.status == 1);
  CHECK(says(check.out, "\"type\": \"scp\""));
}

TEST_CASE("init never overwrites a configuration", "[cli][init]") {
  const TempDir repo;
  repo.write(".policylint.json", R"({"fail-on": "error"})");
  const CliRun run = run_policylint(repo.path(), "--init");
  CHECK(run.status == 2);
  CHECK(says(run.err, ".policylint.json already exists"));
  CHECK(repo.read(".policylint.json") == R"({"fail-on": "error"})");
}

TEST_CASE("init with no telling names writes an empty policy-types", "[cli][init]") {
  const TempDir repo;
  repo.write("policies/app.json", kCleanPolicy);
  const CliRun run = run_policylint(repo.path(), "--init");
  CHECK(run.status == 0);
  CHECK(says(repo.read(".policylint.json"), "\"policy-types\": {}"));
  CHECK(says(run.err, "no folder or file name suggested a policy type"));
  CHECK(run_policylint(repo.path(), "").status == 0);
}

TEST_CASE("show-settings names where each setting comes from", "[cli][init]") {
  const TempDir repo;
  repo.write(".policylint.json", R"({"fail-on": "security", "select": ["PL1"], "default-excludes": false})");
  const CliRun run = run_policylint(repo.path(), "--show-settings --ignore PL120 --max-key-age 30");
  CHECK(run.status == 0);
  const std::string file = (repo.path() / ".policylint.json").string();
  CHECK(says(run.out, "fail-on                security  (" + file + ")"));
  CHECK(says(run.out, "select                 PL1  (" + file + ")"));
  CHECK(says(run.out, "ignore                 PL120  (command line)"));
  CHECK(says(run.out, "max-key-age            30  (command line)"));
  CHECK(says(run.out, "max-unused-days        90  (default)"));
  CHECK(says(run.out, "default-excludes       false  (" + file + ")"));
  const CliRun none = run_policylint(repo.path(), "--show-settings --no-config");
  CHECK(says(none.out, "fail-on                warning  (default)"));
  CHECK(says(none.out, "configuration          none  (--no-config)"));
}
