// End-to-end: .policylint.json discovery, its effect, and its errors.
#include <catch2/catch.hpp>

#include "cli_support.hpp"

using policylint::test::CliRun;
using policylint::test::kPolicyWithError;
using policylint::test::reports;
using policylint::test::run_policylint;
using policylint::test::TempDir;

namespace {

// No Version (PL102, warning) and no Principal, which only a trust, resource,
// RCP or endpoint policy needs (PL112, error).
const char* const kNoVersionNoPrincipal =
    R"({"Statement": {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}})";

bool has(const CliRun& run, const std::string& text) { return run.out.find(text) != std::string::npos; }

}  // namespace

TEST_CASE("the configuration is found in a parent directory", "[cli][config]") {
  const TempDir repo;
  repo.write(".policylint.json", R"({"ignore": ["invalid-effect"]})");
  repo.write("deep/er/bad.json", kPolicyWithError);
  const CliRun from_child = run_policylint(repo.path() / "deep/er", "--select PL1 bad.json");
  CHECK(from_child.status == 0);
  CHECK_FALSE(has(from_child, "PL108"));

  // --no-config and --ignore on the command line override it.
  CHECK(run_policylint(repo.path() / "deep/er", "--no-config --select PL1 bad.json").status == 1);
  CHECK(run_policylint(repo.path() / "deep/er", "--select PL1 --ignore PL120 bad.json").status == 1);
}

TEST_CASE("configuration: select, severity, fail-on, per-file-ignores and policy-types", "[cli][config]") {
  const TempDir repo;
  repo.write(".policylint.json", R"({
  "select": ["syntax"],
  "severity": {"missing-version": "suggestion"},
  "fail-on": "warning",
  "per-file-ignores": {"legacy/*": ["PL108"]},
  "policy-types": {"roles/*-trust.json": "trust"}
})");
  repo.write("legacy/old.json", kPolicyWithError);
  repo.write("current/new.json", kPolicyWithError);
  repo.write("roles/app-trust.json", kNoVersionNoPrincipal);
  repo.write("roles/app-policy.json", kNoVersionNoPrincipal);

  const CliRun run = run_policylint(repo.path(), "");
  CHECK(run.status == 1);
  CHECK_FALSE(reports(run, "legacy/old.json:6:17", "PL108"));
  CHECK(reports(run, "current/new.json:6:17", "PL108"));
  // Only the trust policy needs a Principal.
  CHECK(reports(run, "roles/app-trust.json:1:15", "PL112"));
  CHECK_FALSE(reports(run, "roles/app-policy.json:1:15", "PL112"));
  // missing-version was lowered to a suggestion, under fail-on warning.
  const CliRun policy_only = run_policylint(repo.path(), "roles/app-policy.json");
  CHECK(has(policy_only, "suggestion: "));
  CHECK(policy_only.status == 0);
  // --fail-on on the command line beats the configuration.
  CHECK(run_policylint(repo.path(), "--fail-on suggestion roles/app-policy.json").status == 1);
  // So does --policy-type.
  CHECK_FALSE(has(run_policylint(repo.path(), "--policy-type identity roles/app-trust.json"), "PL112"));
}

TEST_CASE("The --config flag names the configuration, and a per-path setting follows --stdin-filename", "[cli][config]") {
  const TempDir repo;
  repo.write("ci/policylint.json", R"({"policy-types": {"trust/*": "trust"}})");
  const CliRun run = run_policylint(repo.path(), "--config ci/policylint.json --stdin-filename ci/trust/r.json -",
                                    kNoVersionNoPrincipal);
  CHECK(reports(run, "ci/trust/r.json:1:15", "PL112"));
}

TEST_CASE("configuration: legacy-scp checks SCPs against the old grammar", "[cli][config]") {
  const TempDir repo;
  repo.write("scp.json", R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*",
  "Resource": "arn:aws:s3:::bucket"}]})");
  CHECK_FALSE(has(run_policylint(repo.path(), "--policy-type scp scp.json"), "PL422"));
  repo.write(".policylint.json", R"({"legacy-scp": true})");
  CHECK(has(run_policylint(repo.path(), "--policy-type scp scp.json"), "PL422"));
  repo.write(".policylint.json", R"({"legacy-scp": 1})");
  const CliRun bad = run_policylint(repo.path(), "--policy-type scp scp.json");
  CHECK(bad.status == 2);
  CHECK(bad.err.find(":1:16: 'legacy-scp' must be true or false") != std::string::npos);
}

TEST_CASE("configuration errors name the file, line and column", "[cli][config]") {
  const TempDir repo;
  repo.write("p.json", kPolicyWithError);
  SECTION("unknown key, with a suggestion") {
    repo.write(".policylint.json", "{\n  \"selcet\": [\"PL1\"]\n}\n");
    const CliRun run = run_policylint(repo.path(), "p.json");
    CHECK(run.status == 2);
    CHECK(run.out.empty());
    CHECK(run.err.find(".policylint.json:2:3: unknown key 'selcet'; did you mean 'select'?") != std::string::npos);
  }
  SECTION("bad values are all reported") {
    repo.write(".policylint.json", R"({
  "ignore": ["PL9999"],
  "fail-on": "fatal",
  "require-mfa": "yes",
  "policy-types": {"*": "role"},
  "options": {"trusted-accounts": ["12345"], "sensitive-action": []}
})");
    const CliRun run = run_policylint(repo.path(), "p.json");
    CHECK(run.status == 2);
    CHECK(run.err.find(":2:14: 'PL9999' is not a rule code") != std::string::npos);
    CHECK(run.err.find(":3:14: unknown severity 'fatal' (expected error, security, warning or suggestion)") !=
          std::string::npos);
    CHECK(run.err.find(":4:18: 'require-mfa' must be true or false") != std::string::npos);
    CHECK(run.err.find(":5:25: unknown policy type 'role' (expected identity,") != std::string::npos);
    CHECK(run.err.find(":6:36: '12345' is not a 12-digit AWS account id") != std::string::npos);
    CHECK(run.err.find(":6:46: unknown option 'sensitive-action'; did you mean 'sensitive-actions'?") !=
          std::string::npos);
  }
  SECTION("invalid JSON") {
    repo.write(".policylint.json", "{\n  \"select\": [\"PL1\",]\n}\n");
    const CliRun run = run_policylint(repo.path(), "p.json");
    CHECK(run.status == 2);
    CHECK(run.err.find(".policylint.json:2:") != std::string::npos);
  }
  SECTION("a --config file that does not exist") {
    const CliRun run = run_policylint(repo.path(), "--config nosuch.json p.json");
    CHECK(run.status == 2);
    CHECK(run.err.find("nosuch.json: cannot be read") != std::string::npos);
  }
}
