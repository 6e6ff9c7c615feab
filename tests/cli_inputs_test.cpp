// End-to-end: which files `policylint` reads, and how it exits.
#include <catch2/catch.hpp>

#include "cli_support.hpp"

using policylint::test::CliRun;
using policylint::test::kCleanPolicy;
using policylint::test::kPolicyWithError;
using policylint::test::run_policylint;
using policylint::test::TempDir;

namespace {

bool mentions(const CliRun& run, const std::string& file) {
  return run.out.find(file + ":") != std::string::npos;
}

}  // namespace

TEST_CASE("a walk outside git skips tool and hidden directories", "[cli][inputs]") {
  const TempDir repo;
  repo.write("policies/bad.json", kPolicyWithError);
  for (const char* skipped : {".git", "node_modules", "vendor", ".terraform", "build", "dist", ".hidden"}) {
    repo.write(std::string(skipped) + "/bad.json", kPolicyWithError);
  }
  const CliRun run = run_policylint(repo.path(), "--no-config .");
  CHECK(run.status == 1);
  CHECK(mentions(run, "policies/bad.json"));
  for (const char* skipped : {".git", "node_modules", "vendor", ".terraform", "build", "dist", ".hidden"}) {
    CHECK_FALSE(mentions(run, std::string(skipped) + "/bad.json"));
  }
  CHECK(run.out.find("in 1 file") != std::string::npos);
}

TEST_CASE("a walk lints links to files, enters no linked directory, and passes over other entries", "[cli][inputs]") {
  const TempDir repo;
  repo.write("policies/bad.json", kPolicyWithError);
  repo.write("elsewhere/other.json", kPolicyWithError);
  REQUIRE(policylint::test::run_shell(repo.path(),
                                      "ln -s bad.json policies/linked.json && "
                                      "ln -s ../elsewhere policies/linked-dir && "
                                      "ln -s missing.json policies/broken.json && "
                                      "mkfifo policies/pipe.json") == 0);
  const CliRun run = run_policylint(repo.path(), "--no-config policies");
  CHECK(run.status == 1);
  CHECK(run.err.empty());
  CHECK(mentions(run, "policies/bad.json"));
  CHECK(mentions(run, "policies/linked.json"));
  CHECK_FALSE(mentions(run, "policies/linked-dir/other.json"));
  CHECK_FALSE(mentions(run, "policies/broken.json"));
  CHECK_FALSE(mentions(run, "policies/pipe.json"));  // reading a pipe would wait for ever
  CHECK(run.out.find("in 2 files") != std::string::npos);
}

TEST_CASE("walked files are shown by their normal path, however the root is spelled", "[cli][inputs]") {
  const TempDir repo;
  repo.write("policies/sub/bad.json", kPolicyWithError);
  for (const char* root : {"policies", "./policies", "policies/", "policies//sub/..", "./policies/./sub/.."}) {
    INFO(root);
    const CliRun run = run_policylint(repo.path(), std::string("--no-config ") + root);
    CHECK(run.out.starts_with("policies/sub/bad.json:"));
  }
  const CliRun up = run_policylint(repo.path() / "policies", "--no-config ../policies/sub");
  CHECK(up.out.starts_with("../policies/sub/bad.json:"));
}

TEST_CASE("a walk inside git lints tracked and untracked files but not ignored ones", "[cli][inputs]") {
  const TempDir repo;
  policylint::test::git_init(repo.path());
  repo.write(".gitignore", "ignored/\n");
  repo.write("tracked.json", kPolicyWithError);
  repo.write("build/tracked.json", kPolicyWithError);  // git decides, not the outside-git skip list
  REQUIRE(policylint::test::run_shell(repo.path(), "git add -A && git commit -q -m init") == 0);
  repo.write("untracked.json", kPolicyWithError);
  repo.write("ignored/policy.json", kPolicyWithError);

  const CliRun run = run_policylint(repo.path(), "--no-config");
  CHECK(run.status == 1);
  CHECK(mentions(run, "tracked.json"));
  CHECK(mentions(run, "build/tracked.json"));
  CHECK(mentions(run, "untracked.json"));
  CHECK_FALSE(mentions(run, "ignored/policy.json"));

  // Walking a subdirectory of the work tree lists only what is under it.
  repo.write("sub/inner.json", kPolicyWithError);
  const CliRun sub = run_policylint(repo.path(), "--no-config sub");
  CHECK(mentions(sub, "sub/inner.json"));
  CHECK_FALSE(mentions(sub, "tracked.json"));
}

TEST_CASE("JSON that is not a policy is passed over and counted", "[cli][inputs]") {
  const TempDir repo;
  repo.write("package.json", R"({"name": "app", "version": "1.0.0"})");
  repo.write("list.json", R"([1, 2, 3])");
  repo.write("broken-config.json", "{ not json at all");
  repo.write("broken-policy.json", R"({"Version": "2012-10-17", "Statement": [ {"Effect": "Allow",, }]})");
  repo.write("notes.txt", kPolicyWithError);  // not *.json: not read

  const CliRun run = run_policylint(repo.path(), "--no-config --format json");
  CHECK(run.status == 1);
  CHECK(run.out.find("\"file\": \"broken-policy.json\"") != std::string::npos);
  CHECK(run.out.find("\"code\": \"PL001\"") != std::string::npos);
  CHECK(run.out.find("package.json") == std::string::npos);
  CHECK(run.out.find("notes.txt") == std::string::npos);
  CHECK(run.out.find("\"files_skipped\": 3") != std::string::npos);

  // Named on the command line, a file is linted whatever it holds ...
  const CliRun named = run_policylint(repo.path(), "--no-config package.json");
  CHECK(named.status == 1);
  CHECK(named.out.find("PL104 missing-statement") != std::string::npos);
  // ... unless the caller (a pre-commit hook) asks to pass non-policies over.
  const CliRun hook = run_policylint(repo.path(), "--no-config --policies-only package.json");
  CHECK(hook.status == 0);
  CHECK(hook.out.find("JSON file not a policy, skipped") != std::string::npos);
}

TEST_CASE("The --include and --exclude flags choose what a walk lints", "[cli][inputs]") {
  const TempDir repo;
  repo.write("policies/a.json", kPolicyWithError);
  repo.write("legacy/old.json", kPolicyWithError);
  repo.write("policies/b.policy", kPolicyWithError);

  const CliRun excluded = run_policylint(repo.path(), "--no-config --exclude legacy");
  CHECK(mentions(excluded, "policies/a.json"));
  CHECK_FALSE(mentions(excluded, "legacy/old.json"));

  const CliRun included = run_policylint(repo.path(), "--no-config --include '*.policy'");
  CHECK(mentions(included, "policies/b.policy"));
  CHECK_FALSE(mentions(included, "policies/a.json"));

  // Named files ignore exclusions unless --force-exclude says otherwise.
  CHECK(run_policylint(repo.path(), "--no-config --exclude legacy legacy/old.json").status == 1);
  const CliRun forced = run_policylint(repo.path(), "--no-config --force-exclude --exclude legacy legacy/old.json");
  CHECK(forced.status == 0);
  CHECK_FALSE(mentions(forced, "legacy/old.json"));
}

TEST_CASE("a quoted glob argument is expanded by policylint", "[cli][inputs]") {
  const TempDir repo;
  repo.write("policies/a.json", kPolicyWithError);
  repo.write("policies/deep/b.json", kPolicyWithError);
  repo.write("other/c.json", kPolicyWithError);
  const CliRun run = run_policylint(repo.path(), "--no-config 'policies/**.json'");
  CHECK(run.status == 1);
  CHECK(mentions(run, "policies/a.json"));
  CHECK(mentions(run, "policies/deep/b.json"));
  CHECK_FALSE(mentions(run, "other/c.json"));
}

TEST_CASE("standard input is linted under --stdin-filename", "[cli][inputs]") {
  const TempDir repo;
  const CliRun plain = run_policylint(repo.path(), "--no-config -", kPolicyWithError);
  CHECK(plain.status == 1);
  CHECK(plain.out.rfind("-:6:17: error: ", 0) == 0);

  const CliRun named = run_policylint(repo.path(), "--no-config --stdin-filename roles/app.json -", kPolicyWithError);
  CHECK(named.out.rfind("roles/app.json:6:17: error: ", 0) == 0);

  CHECK(run_policylint(repo.path(), "--no-config -", kCleanPolicy).status == 0);
}

TEST_CASE("exit status: 0 clean, 1 findings at --fail-on, 2 usage or I/O errors", "[cli][inputs]") {
  const TempDir repo;
  repo.write("clean.json", kCleanPolicy);
  repo.write("error.json", kPolicyWithError);
  repo.write("warning.json", R"({"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}})");

  // Only the grammar rules, so that rules added later do not change what these files produce.
  CHECK(run_policylint(repo.path(), "--no-config --select PL1 clean.json").status == 0);
  CHECK(run_policylint(repo.path(), "--no-config --select PL1 error.json").status == 1);
  CHECK(run_policylint(repo.path(), "--no-config --select PL1 warning.json").status == 1);
  CHECK(run_policylint(repo.path(), "--no-config --select PL1 --fail-on error warning.json").status == 0);
  CHECK(run_policylint(repo.path(), "--no-config --select PL1 --fail-on security warning.json").status == 0);
  CHECK(run_policylint(repo.path(), "--no-config --select PL1 --fail-on suggestion warning.json").status == 1);

  const CliRun missing = run_policylint(repo.path(), "--no-config clean.json nosuch.json");
  CHECK(missing.status == 2);
  CHECK(missing.err.find("nosuch.json: no such file or directory") != std::string::npos);

  for (const char* bad : {"--bogus", "--format xml .", "--fail-on fatal .", "--select PL999 .", "--policy-type x .",
                          "--jobs 0 .", "--statistics --format json ."}) {
    INFO(bad);
    const CliRun run = run_policylint(repo.path(), std::string("--no-config ") + bad);
    CHECK(run.status == 2);
    CHECK(run.err.find("Try 'policylint --help'") != std::string::npos);
  }
}

TEST_CASE("an unreadable file is an I/O error, and the others are still linted", "[cli][inputs]") {
  const TempDir repo;
  repo.write("error.json", kPolicyWithError);
  if (std::filesystem::exists("/proc/self/mem")) {  // opens, but reading at offset 0 fails, even for root
    const CliRun run = run_policylint(repo.path(), "--no-config error.json /proc/self/mem");
    CHECK(run.status == 2);
    CHECK(run.err.find("/proc/self/mem: cannot be read: ") != std::string::npos);
    CHECK(mentions(run, "error.json"));
  }
  repo.write("locked.json", kPolicyWithError);
  REQUIRE(policylint::test::run_shell(repo.path(), "chmod 000 locked.json") == 0);
  if (policylint::test::run_shell(repo.path(), "cat locked.json >/dev/null 2>&1") == 0) {
    WARN("running as root: permissions are not enforced, skipping");
    return;
  }
  const CliRun run = run_policylint(repo.path(), "--no-config error.json locked.json");
  CHECK(run.status == 2);
  CHECK(run.err.find("locked.json: cannot be read") != std::string::npos);
  CHECK(mentions(run, "error.json"));
}

TEST_CASE("many files are linted in parallel with a stable order", "[cli][inputs]") {
  // More files than the results the CLI holds at once, so the output is
  // written while later files are still being linted.
  constexpr int kFiles = 300;
  const TempDir repo;
  for (int i = 0; i < kFiles; ++i) {
    repo.write("p/" + std::to_string(1000 + i) + ".json", i % 7 == 3 ? kCleanPolicy : kPolicyWithError);
  }
  const CliRun one = run_policylint(repo.path(), "--no-config --jobs 1 --no-source");
  const CliRun many = run_policylint(repo.path(), "--no-config --jobs 8 --no-source");
  CHECK(many.status == 1);
  CHECK(many.out == one.out);
  CHECK(many.err.empty());  // no progress line on a pipe
  std::size_t previous = 0;
  for (int i = 0; i < kFiles; ++i) {
    const std::size_t at = many.out.find("p/" + std::to_string(1000 + i) + ".json:");
    if (i % 7 == 3) {
      CHECK(at == std::string::npos);
    } else {
      REQUIRE(at != std::string::npos);
      CHECK(at >= previous);
      previous = at;
    }
  }
  CHECK(many.out.find(std::to_string(kFiles) + " files") != std::string::npos);
}
