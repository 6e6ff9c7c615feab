// Entry point: dispatches to a subcommand, or lints when the first argument
// is not a subcommand name.
#include <malloc.h>
#include <sys/stat.h>

#include <array>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "lint_arguments.hpp"
#include "policylint/option_values.hpp"
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

const Command* find_command(std::string_view name) {
  for (const Command& command : kCommands) {
    if (name == command.name) return &command;
  }
  return nullptr;
}

std::vector<std::string_view> command_names() {
  std::vector<std::string_view> names{"help"};
  for (const Command& command : kCommands) names.push_back(command.name);
  return names;
}

constexpr std::array<std::string_view, 1> kHelpArgument = {"--help"};

// `policylint help [COMMAND]`: the lint help, or COMMAND's.
int run_help(Args args) {
  if (args.empty()) return run_lint(Args(kHelpArgument));
  if (args.size() == 1) {
    if (const Command* command = find_command(args.front())) return command->run(Args(kHelpArgument));
  }
  const std::string wrong(args.front());
  return usage_error("help takes one command name, not '" + wrong + "'" + suggest_name(wrong, command_names()));
}

// A first argument that is no file, no glob and no option, but close to a
// command name, is a mistyped command ("explan PL101"), not a missing path.
bool mistyped_command(std::string_view arg) {
  if (arg.empty() || arg.starts_with('-') || arg.find_first_of("/.*?[") != std::string_view::npos) return false;
  const std::string name(arg);
  struct stat status {};
  if (::stat(name.c_str(), &status) == 0) return false;
  const std::string suggestion = suggest_name(arg, command_names());
  if (suggestion.empty()) return false;
  usage_error("'" + name + "' is neither a command nor a file" + suggestion);
  return true;
}

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
      if (args.front() == "help") return run_help(Args(args).subspan(1));
      if (const Command* command = find_command(args.front())) return command->run(Args(args).subspan(1));
      if (mistyped_command(args.front())) return exit_usage;
    }
    return run_lint(args);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "policylint: internal error: %s\n", e.what());
    return exit_usage;
  }
}
