// Entry point: dispatches to a subcommand, or lints when the first argument
// is not a subcommand name.
#include <malloc.h>

#include <array>
#include <cstdio>
#include <exception>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "safe_stderr.hpp"

namespace policylint::cli {
namespace {

constexpr std::array kCommands = {
    Command{"lint", "lint policy files and directories (the default)", run_lint},
    Command{"rules", "list every rule", run_rules},
    Command{"explain", "print a rule's documentation", run_explain},
    Command{"expand", "list the actions an action pattern matches", run_expand},
    Command{"catalog", "show the compiled-in IAM data version and counts", run_catalog},
    Command{"credential-report", "check IAM credential reports (the CSV of aws iam get-credential-report)",
            run_credential_report},
    Command{"simulate", "decide a request against its policies, as AWS does, and explain", run_simulate},
    Command{"check", "prove a policy grants no new, listed or public access (offline custom policy checks)",
            run_check},
};

}  // namespace
}  // namespace policylint::cli

int main(int argc, char** argv) {
  using namespace policylint::cli;
  // A run lives for milliseconds: heap memory freed between files is kept
  // for the next one rather than handed back to the kernel and faulted in
  // again (a quarter fewer page faults on the AWS managed policies).
  constexpr int kHeapSlack = 64 << 20;
  mallopt(M_TOP_PAD, kHeapSlack);
  mallopt(M_TRIM_THRESHOLD, kHeapSlack);
  filter_standard_error();
  try {
    std::vector<std::string_view> args(argv + 1, argv + argc);
    if (!args.empty()) {
      for (const Command& command : kCommands) {
        if (args.front() == command.name) {
          return command.run(Args(args).subspan(1));
        }
      }
    }
    return run_lint(args);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "policylint: internal error: %s\n", e.what());
    return exit_usage;
  }
}
