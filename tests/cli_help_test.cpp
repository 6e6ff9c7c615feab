// End-to-end: help for every command, and "did you mean" for what a user
// mistypes (options, commands, rule names, action names, globs).
#include <catch2/catch.hpp>

#include <string>

#include "cli_support.hpp"

using policylint::test::CliRun;
using policylint::test::kPolicyWithError;
using policylint::test::run_policylint;
using policylint::test::TempDir;

namespace {

bool says(const std::string& text, const std::string& expected) { return text.find(expected) != std::string::npos; }

}  // namespace

TEST_CASE("every command prints its usage for --help and for help COMMAND", "[cli][help]") {
  const TempDir dir;
  for (const char* command : {"rules", "explain", "expand", "catalog", "credential-report", "simulate"}) {
    INFO(command);
    const CliRun flag = run_policylint(dir.path(), std::string(command) + " --help");
    CHECK(flag.status == 0);
    CHECK(says(flag.out, std::string("policylint ") + command));
    CHECK(flag.err.empty());
    const CliRun help = run_policylint(dir.path(), std::string("help ") + command);
    CHECK(help.status == 0);
    CHECK(help.out == flag.out);
  }
  const CliRun lint_help = run_policylint(dir.path(), "help");
  CHECK(lint_help.status == 0);
  CHECK(says(lint_help.out, "policylint help [COMMAND]"));
  CHECK(lint_help.out == run_policylint(dir.path(), "--help").out);
}

TEST_CASE("help for an unknown command is a usage error", "[cli][help]") {
  const TempDir dir;
  const CliRun run = run_policylint(dir.path(), "help explan");
  CHECK(run.status == 2);
  CHECK(says(run.err, "did you mean 'explain'?"));
}

TEST_CASE("a mistyped command is named with the command meant, not taken for a missing file", "[cli][help]") {
  const TempDir dir;
  const CliRun explain = run_policylint(dir.path(), "explan PL101");
  CHECK(explain.status == 2);
  CHECK(says(explain.err, "'explan' is neither a command nor a file; did you mean 'explain'?"));
  const CliRun rules = run_policylint(dir.path(), "rule");
  CHECK(rules.status == 2);
  CHECK(says(rules.err, "did you mean 'rules'?"));
  // A file of that name is linted, whatever it is called.
  dir.write("rule", kPolicyWithError);
  const CliRun file = run_policylint(dir.path(), "--no-config rule");
  CHECK(file.status == 1);
  CHECK(says(file.out, "PL108"));
}

TEST_CASE("a mistyped option gets the option meant", "[cli][help]") {
  const TempDir dir;
  const std::pair<const char*, const char*> typos[] = {
      {"--formt json", "'--formt'; did you mean '--format'?"},
      {"--statistic", "'--statistic'; did you mean '--statistics'?"},
      {"--colour never", "'--colour'; did you mean '--color'?"},
  };
  for (const auto& [arguments, expected] : typos) {
    INFO(arguments);
    const CliRun run = run_policylint(dir.path(), arguments);
    CHECK(run.status == 2);
    CHECK(says(run.err, expected));
  }
}

TEST_CASE("explain and expand suggest the rule and the action meant", "[cli][help]") {
  const TempDir dir;
  const CliRun rule = run_policylint(dir.path(), "explain invalid-efect");
  CHECK(rule.status == 2);
  CHECK(says(rule.err, "did you mean 'invalid-effect'?"));
  const CliRun action = run_policylint(dir.path(), "expand iam:CreatAccessKey");
  CHECK(action.status == 1);
  CHECK(says(action.err, "'iam:CreatAccessKey' matches no action; did you mean 'iam:CreateAccessKey'?"));
  const CliRun service = run_policylint(dir.path(), "expand 's4:Get*'");
  CHECK(service.status == 1);
  CHECK(says(service.err, "did you mean 's3'?"));
}

TEST_CASE("a glob that matches no file is an error naming it", "[cli][help]") {
  const TempDir dir;
  dir.write("policies/a.json", kPolicyWithError);
  const CliRun typo = run_policylint(dir.path(), "--no-config 'polcies/**/*.json'");
  CHECK(typo.status == 2);
  CHECK(says(typo.err, "polcies/**/*.json: the glob matches no file"));
  const CliRun right = run_policylint(dir.path(), "--no-config 'policies/*.json'");
  CHECK(right.status == 1);
}

TEST_CASE("with --output-file the report goes to the file and the summary to stderr", "[cli][flags]") {
  const TempDir dir;
  dir.write("p.json", kPolicyWithError);
  const CliRun sarif = run_policylint(dir.path(), "--no-config --format sarif --output-file out.sarif p.json");
  CHECK(sarif.status == 1);
  CHECK(sarif.out.empty());
  CHECK(says(sarif.err, "1 finding in 1 file"));
  CHECK(says(dir.read("out.sarif"), "\"ruleId\": \"PL108\""));
  const CliRun text = run_policylint(dir.path(), "--no-config --output-file out.txt p.json");
  CHECK(text.out.empty());
  CHECK(says(dir.read("out.txt"), "p.json:"));
  CHECK_FALSE(says(dir.read("out.txt"), "1 finding in 1 file"));
  CHECK(says(text.err, "1 finding in 1 file"));
  const CliRun unwritable = run_policylint(dir.path(), "--no-config --output-file missing/out.txt p.json");
  CHECK(unwritable.status == 2);
  CHECK(says(unwritable.err, "missing/out.txt: cannot be written"));
}

TEST_CASE("a quiet run prints no summary, and --exit-zero passes a run with findings", "[cli][flags]") {
  const TempDir dir;
  dir.write("p.json", kPolicyWithError);
  for (const char* quiet : {"--quiet", "-q"}) {
    const CliRun run = run_policylint(dir.path(), std::string("--no-config ") + quiet + " p.json");
    CHECK(run.status == 1);
    CHECK(says(run.out, "[PL108"));
    CHECK_FALSE(says(run.out + run.err, "finding in"));
  }
  const CliRun zero = run_policylint(dir.path(), "--no-config --exit-zero p.json");
  CHECK(zero.status == 0);
  CHECK(says(zero.out, "[PL108"));
  // A usage error is still one.
  CHECK(run_policylint(dir.path(), "--no-config --exit-zero missing.json").status == 2);
}
