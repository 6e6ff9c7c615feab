// End-to-end: the vendored directories a walk passes over, even when git
// tracks them, and --no-default-excludes / "default-excludes": false.
#include <catch2/catch.hpp>

#include <string>

#include "cli_support.hpp"

using policylint::test::CliRun;
using policylint::test::git_init;
using policylint::test::kPolicyWithError;
using policylint::test::run_policylint;
using policylint::test::run_shell;
using policylint::test::TempDir;

namespace {

constexpr const char* kVendored[] = {"node_modules/pkg/fixture.json",    "vendor/lib/policy.json",
                                     ".terraform/modules/m/policy.json", ".venv/lib/p.json",
                                     "app/__pycache__/p.json",           "cdk.out/asset.1234abcd/policy.json"};

bool linted(const CliRun& run, const std::string& file) { return run.out.find(file + ":") != std::string::npos; }

void write_repository(const TempDir& repo) {
  repo.write("policies/mine.json", kPolicyWithError);
  repo.write("cdk.out/Stack.template.json", kPolicyWithError);
  for (const char* file : kVendored) repo.write(file, kPolicyWithError);
}

}  // namespace

TEST_CASE("a walk passes over vendored directories that git tracks", "[cli][walk-defaults]") {
  const TempDir repo;
  write_repository(repo);
  git_init(repo.path());
  REQUIRE(run_shell(repo.path(), "git add -A -f && git commit -q -m vendored") == 0);
  const CliRun run = run_policylint(repo.path(), "--no-config --no-source");
  CHECK(run.status == 1);
  CHECK(linted(run, "policies/mine.json"));
  CHECK(linted(run, "cdk.out/Stack.template.json"));
  for (const char* file : kVendored) {
    INFO(file);
    CHECK_FALSE(linted(run, file));
  }
  const CliRun all = run_policylint(repo.path(), "--no-config --no-source --no-default-excludes");
  for (const char* file : kVendored) {
    INFO(file);
    CHECK(linted(all, file));
  }
  repo.write(".policylint.json", R"({"default-excludes": false})");
  const CliRun configured = run_policylint(repo.path(), "--no-source");
  CHECK(linted(configured, "node_modules/pkg/fixture.json"));
}

TEST_CASE("a walk outside git passes over vendored directories unless told", "[cli][walk-defaults]") {
  const TempDir dir;
  write_repository(dir);
  const CliRun run = run_policylint(dir.path(), "--no-config --no-source");
  CHECK(linted(run, "policies/mine.json"));
  CHECK(linted(run, "cdk.out/Stack.template.json"));
  for (const char* file : kVendored) {
    INFO(file);
    CHECK_FALSE(linted(run, file));
  }
  const CliRun all = run_policylint(dir.path(), "--no-config --no-source --no-default-excludes");
  CHECK(linted(all, "node_modules/pkg/fixture.json"));
  CHECK(linted(all, ".venv/lib/p.json"));
  // A vendored file named on the command line is linted.
  CHECK(linted(run_policylint(dir.path(), "--no-config --no-source vendor/lib/policy.json"), "vendor/lib/policy.json"));
}
