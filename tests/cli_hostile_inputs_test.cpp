// End-to-end: hostile inputs and hostile repositories (issue 25, items 4 to
// 6). Named FIFOs, devices and sockets, endless input, a checkout whose
// .git/config names a command, links out of the repository, unreadable
// directories, and baselines or selectors of the wrong shape.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "cli_support.hpp"

using policylint::test::CliRun;
using policylint::test::kPolicyWithError;
using policylint::test::run_policylint;
using policylint::test::run_shell;
using policylint::test::TempDir;

namespace {

bool mentions(const CliRun& run, const std::string& file) { return run.out.find(file + ":") != std::string::npos; }

bool says(const CliRun& run, const std::string& text) { return run.err.find(text) != std::string::npos; }

// What to put before the command so that permissions are enforced: nothing
// for an ordinary user; for root (as in CI containers), dropping the
// capabilities that let root read any file. Nothing when that cannot be done.
std::optional<std::string> unprivileged() {
  if (::geteuid() != 0) {
    return std::string();
  }
  const std::string drop = "setpriv --bounding-set=-dac_override,-dac_read_search";
  if (run_shell(".", drop + " true >/dev/null 2>&1") != 0) {
    return std::nullopt;
  }
  return drop;
}

// Runs the CLI with standard input from `input_file` (a path the shell opens,
// such as /dev/zero), which run_policylint's text cannot be.
CliRun run_with_stdin_from(const TempDir& repo, const std::string& arguments, const std::string& input_file) {
  CliRun run;
  run.status = run_shell(repo.path(), std::string("timeout 60 '") + POLICYLINT_CLI_PATH + "' " + arguments + " <" +
                                          input_file + " >out.txt 2>err.txt");
  run.out = repo.read("out.txt");
  run.err = repo.read("err.txt");
  return run;
}

}  // namespace

// Reproducer 4: a FIFO named on the command line blocked for ever.
TEST_CASE("a FIFO, device or socket named on the command line is an error, not a wait", "[cli][hostile]") {
  const TempDir repo;
  repo.write("error.json", kPolicyWithError);
  REQUIRE(run_shell(repo.path(), "mkfifo pipe.json") == 0);
  const bool socket_made =
      run_shell(repo.path(), "python3 -c \"import socket; socket.socket(socket.AF_UNIX).bind('socket.json')\"") == 0;

  const CliRun run = run_policylint(repo.path(), "--no-config error.json pipe.json /dev/null", "",
                                    "timeout 60");  // a regression would hang: end it
  CHECK(run.status == 2);
  CHECK(says(run, "pipe.json: cannot be read: not a regular file (a FIFO)"));
  CHECK(says(run, "/dev/null: cannot be read: not a regular file (a character device)"));
  CHECK(mentions(run, "error.json"));  // the others are still linted
  if (socket_made) {
    const CliRun socket = run_policylint(repo.path(), "--no-config socket.json");
    CHECK(socket.status == 2);
    CHECK(says(socket, "socket.json: cannot be read: not a regular file (a socket)"));
  }
}

// Reproducer 4: /dev/zero was read until 6.4 GB, then std::bad_alloc.
TEST_CASE("endless input is read up to the size limit and reported by PL007", "[cli][hostile]") {
  const TempDir repo;
  const CliRun device = run_policylint(repo.path(), "--no-config /dev/zero", "", "timeout 60");
  CHECK(device.status == 2);
  CHECK(says(device, "/dev/zero: cannot be read: not a regular file (a character device)"));

  const CliRun endless = run_with_stdin_from(repo, "--no-config --no-secrets --format json -", "/dev/zero");
  CHECK(endless.status == 1);
  CHECK(endless.err.empty());
  CHECK(endless.out.find("\"code\": \"PL007\"") != std::string::npos);
  CHECK(endless.out.find("the input is more than the limit of 67108864 bytes") != std::string::npos);

  // A regular file over the limit: only its start is read, its size reported.
  REQUIRE(run_shell(repo.path(), "truncate -s 100M huge.json") == 0);
  const CliRun huge = run_policylint(repo.path(), "--no-config --no-secrets --format json huge.json");
  CHECK(huge.status == 1);
  CHECK(huge.out.find("the input is 104857600 bytes, more than the limit of 67108864") != std::string::npos);
}

// Reproducer 5: the checkout's core.fsmonitor command ran (twice) on a walk.
TEST_CASE("a walk runs no command a repository's git configuration names", "[cli][hostile]") {
  const TempDir repo;
  policylint::test::git_init(repo.path());
  repo.write("error.json", kPolicyWithError);
  REQUIRE(run_shell(repo.path(), "git add -A && git commit -q -m init") == 0);
  const std::string marker = (repo.path() / "MARKER").string();
  for (const char* setting : {"core.fsmonitor", "core.pager", "core.editor", "diff.external"}) {
    REQUIRE(run_shell(repo.path(), std::string("git config ") + setting + " 'touch " + marker + "; false'") == 0);
  }
  REQUIRE(run_shell(repo.path(), "mkdir -p .git/hooks && printf '#!/bin/sh\\ntouch " + marker +
                                     "\\n' > .git/hooks/post-index-change && chmod +x .git/hooks/*") == 0);
  // Make sure the marker command does run when git is asked plainly.
  REQUIRE(run_shell(repo.path(), "git ls-files >/dev/null 2>&1; test -e MARKER && rm MARKER") == 0);

  const CliRun run = run_policylint(repo.path(), "--no-config");
  CHECK(run.status == 1);
  CHECK(mentions(run, "error.json"));
  CHECK_FALSE(std::filesystem::exists(marker));
}

// Reproducer 5: a tracked link passwd.json -> /etc/passwd was read and its
// lines printed in caret lines.
TEST_CASE("a walk does not follow a link out of the directory walked, and says so", "[cli][hostile]") {
  const TempDir repo;
  repo.write("policies/error.json", kPolicyWithError);
  repo.write("outside/secret.json", kPolicyWithError);
  REQUIRE(run_shell(repo.path(),
                    "ln -s /etc/passwd policies/passwd.json && "
                    "ln -s ../outside/secret.json policies/secret.json && "
                    "ln -s error.json policies/inside.json") == 0);
  SECTION("in git") {
    policylint::test::git_init(repo.path() / "policies");
    REQUIRE(run_shell(repo.path() / "policies", "git add -A && git commit -q -m init") == 0);
  }
  SECTION("outside git") {}
  const CliRun run = run_policylint(repo.path(), "--no-config policies");
  CHECK(run.status == 1);
  CHECK(mentions(run, "policies/error.json"));
  CHECK(mentions(run, "policies/inside.json"));  // a link inside is followed
  CHECK_FALSE(mentions(run, "policies/passwd.json"));
  CHECK_FALSE(mentions(run, "policies/secret.json"));
  CHECK(run.out.find("root:") == std::string::npos);
  CHECK(run.out.find("; 2 links out of the directory walked, not followed") != std::string::npos);
  CHECK(says(run, "policies/passwd.json: not followed: a link to a file outside the directory walked"));
  CHECK(says(run, "policies/secret.json: not followed"));

  const CliRun json = run_policylint(repo.path(), "--no-config --format json policies");
  CHECK(json.out.find("\"links_skipped\": 2") != std::string::npos);
  // Named on the command line, a link is the user's choice, and read.
  CHECK(mentions(run_policylint(repo.path(), "--no-config policies/secret.json"), "policies/secret.json"));
}

// Reproducer 6: a git submodule's files were silently not linted.
TEST_CASE("a walk enters git submodules", "[cli][hostile]") {
  const TempDir repo;
  repo.write("library/error.json", kPolicyWithError);
  policylint::test::git_init(repo.path() / "library");
  REQUIRE(run_shell(repo.path() / "library", "git add -A && git commit -q -m init") == 0);
  repo.write("super/own.json", kPolicyWithError);
  policylint::test::git_init(repo.path() / "super");
  REQUIRE(run_shell(repo.path() / "super",
                    "git -c protocol.file.allow=always submodule add -q ../library lib "
                    ">/dev/null 2>&1 && git add -A && git commit -q -m init") == 0);
  const CliRun run = run_policylint(repo.path() / "super", "--no-config");
  CHECK(run.status == 1);
  CHECK(mentions(run, "own.json"));
  CHECK(mentions(run, "lib/error.json"));
}

TEST_CASE("a repository another user owns is walked without git, and the user told why", "[cli][hostile]") {
  if (::geteuid() != 0) {
    WARN("giving a repository to another user needs root; skipped");
    return;
  }
  const TempDir repo;
  policylint::test::git_init(repo.path());
  repo.write("tracked.json", kPolicyWithError);
  repo.write("ignored.json", kPolicyWithError);
  repo.write(".gitignore", "ignored.json\n");
  REQUIRE(run_shell(repo.path(), "git add -A && git commit -q -m init && chown -R 65534:65534 .") == 0);
  const CliRun run = run_policylint(repo.path(), "--no-config", "", "HOME=/nonexistent");
  CHECK(run.status == 1);
  CHECK(says(run,
             "git does not read a repository that another user owns (see git's safe.directory); walking the "
             "directory without git"));
  CHECK(mentions(run, "tracked.json"));
  CHECK(mentions(run, "ignored.json"));  // without git, .gitignore is not known
}

// Reproducer 6: an unreadable directory, named or walked into, was skipped
// silently with exit 0; a link loop was "no such file or directory".
TEST_CASE("unreadable directories and link loops are errors with the real reason", "[cli][hostile]") {
  const TempDir repo;
  repo.write("error.json", kPolicyWithError);
  REQUIRE(run_shell(repo.path(), "ln -s loop.json loop.json") == 0);
  const CliRun loop = run_policylint(repo.path(), "--no-config loop.json error.json");
  CHECK(loop.status == 2);
  CHECK(says(loop, "loop.json: cannot be read: too many levels of symbolic links"));
  CHECK(mentions(loop, "error.json"));

  const CliRun directory = run_policylint(repo.path(), "--config . error.json");
  CHECK(directory.status == 2);
  CHECK(says(directory, ".: cannot be read: is a directory"));

  const auto prefix = unprivileged();
  if (!prefix) {
    WARN("running as root without setpriv: permissions are not enforced, skipping");
    return;
  }
  repo.write("tree/locked/hidden.json", kPolicyWithError);
  repo.write("tree/open.json", kPolicyWithError);
  repo.write("shut/p.json", kPolicyWithError);
  repo.write("tree/unreadable.json", kPolicyWithError);
  REQUIRE(run_shell(repo.path(), "chmod 000 tree/locked shut tree/unreadable.json") == 0);
  const CliRun walked = run_policylint(repo.path(), "--no-config tree", "", *prefix);
  const CliRun named = run_policylint(repo.path(), "--no-config shut error.json", "", *prefix);
  REQUIRE(run_shell(repo.path(), "chmod 755 tree/locked shut") == 0);  // so that the directory can be removed
  CHECK(walked.status == 2);
  CHECK(says(walked, "tree/locked: cannot be read: permission denied"));
  CHECK(says(walked, "tree/unreadable.json: cannot be read: permission denied"));
  CHECK(mentions(walked, "tree/open.json"));
  CHECK(named.status == 2);
  CHECK(says(named, "shut: cannot be read: permission denied"));
  CHECK(mentions(named, "error.json"));
}

// Reproducer 6: a baseline whose version is a string was an internal error;
// 1.0 and another tool's baseline were accepted.
TEST_CASE("a baseline of the wrong shape or of another tool is refused with a reason", "[cli][hostile]") {
  const TempDir repo;
  repo.write("p.json", kPolicyWithError);
  const std::pair<const char*, const char*> cases[] = {
      {R"({"findings": [], "tool": "policylint", "version": "1"})",
       R"(the baseline's "version" must be the whole number 1, not "1")"},
      {R"({"findings": [], "tool": "policylint", "version": 1.0})",
       R"(the baseline's "version" must be the whole number 1, not 1.0)"},
      {R"({"findings": [], "tool": "policylint"})",
       R"(the baseline's "version" must be the whole number 1, not missing)"},
      {R"({"findings": [], "tool": "policylint", "version": 2})", "baseline version 2 is not supported"},
      {R"({"findings": [], "tool": "ruff", "version": 1})", R"(not a policylint baseline (its "tool" is "ruff"))"},
      {R"({"findings": [], "tool": {"name": "policylint"}, "version": 1})", "not a policylint baseline"},
      {R"({"findings": [], "version": 1})", R"(not a policylint baseline (its "tool" is missing))"},
      {R"({"findings": [{"fingerprint": 7}], "tool": "policylint", "version": 1})",
       "a baseline entry has no \"fingerprint\" string"},
  };
  for (const auto& [baseline, message] : cases) {
    INFO(baseline);
    repo.write("baseline.json", baseline);
    const CliRun run = run_policylint(repo.path(), "--no-config --baseline baseline.json p.json");
    CHECK(run.status == 2);
    CHECK(says(run, std::string("baseline.json: ") + message));
    CHECK_FALSE(says(run, "internal error"));
  }
  const CliRun directory = run_policylint(repo.path(), "--no-config --baseline . p.json");
  CHECK(directory.status == 2);
  CHECK(says(directory, ".: cannot be read: is a directory"));
}

// Reproducer 6: --select '' was accepted on the command line but refused by
// the configuration and the C API (tests/capi checks the C API).
TEST_CASE("an empty rule selector is refused on the command line as in the configuration", "[cli][hostile]") {
  const TempDir repo;
  repo.write("p.json", kPolicyWithError);
  for (const char* option : {"--select ''", "--ignore ''", "--select PL1,", "--select PL1,,PL2"}) {
    INFO(option);
    const CliRun run = run_policylint(repo.path(), std::string("--no-config ") + option + " p.json");
    CHECK(run.status == 2);
    CHECK(says(run, "'' is not a rule code"));
  }
  repo.write(".policylint.json", R"({"select": [""]})");
  const CliRun config = run_policylint(repo.path(), "p.json");
  CHECK(config.status == 2);
  CHECK(says(config, "'' is not a rule code"));
}

// Reproducer 6: UTF-16 files got "non-ASCII character" with no hint.
TEST_CASE("UTF-16 and UTF-32 input is named as such", "[cli][hostile]") {
  const TempDir repo;
  const std::string policy = R"({"Statement": []})";
  const auto widened = [&](std::size_t width, bool big_endian, std::string_view bom) {
    std::string out(bom);
    for (const char c : policy) {
      std::string unit(width, '\0');
      unit[big_endian ? width - 1 : 0] = c;
      out += unit;
    }
    return out;
  };
  repo.write("le16.json", widened(2, false, "\xFF\xFE"));
  repo.write("be16.json", widened(2, true, ""));
  repo.write("le32.json", widened(4, false, std::string_view("\xFF\xFE\0\0", 4)));
  repo.write("be32.json", widened(4, true, ""));
  const CliRun run = run_policylint(repo.path(),
                                    "--no-config --no-secrets --no-source le16.json be16.json le32.json "
                                    "be32.json");
  CHECK(run.status == 1);
  CHECK(run.out.find("le16.json:1:1: error: the input is UTF-16LE text") != std::string::npos);
  CHECK(run.out.find("be16.json:1:1: error: the input is UTF-16BE text") != std::string::npos);
  CHECK(run.out.find("le32.json:1:1: error: the input is UTF-32LE text") != std::string::npos);
  CHECK(run.out.find("be32.json:1:1: error: the input is UTF-32BE text") != std::string::npos);
  CHECK(run.out.find("non-ASCII") == std::string::npos);
}
