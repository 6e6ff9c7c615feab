#pragma once
// The subcommands of the policylint CLI. Each lives in its own cmd_*.cpp file
// and is listed once in the table in main.cpp.
#include <span>
#include <string_view>

namespace policylint::cli {

/// Process exit codes, documented in README.md and --help.
enum ExitCode : int {
  exit_clean = 0,     ///< no finding at or above --fail-on
  exit_findings = 1,  ///< findings at or above --fail-on
  exit_usage = 2,     ///< bad usage, configuration or I/O error
};

using Args = std::span<const std::string_view>;

struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(Args args);  ///< args exclude the program and command names
};

int run_lint(Args args);
int run_rules(Args args);
int run_explain(Args args);
int run_expand(Args args);
int run_catalog(Args args);
int run_credential_report(Args args);
int run_simulate(Args args);
int run_check(Args args);

}  // namespace policylint::cli
