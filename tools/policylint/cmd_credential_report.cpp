// `policylint credential-report [OPTIONS] FILE...`: check IAM credential
// reports. The same as linting the files, with every option of the lint
// command, except that each FILE must be a credential report.
#include <cstdio>
#include <string_view>

#include "commands.hpp"
#include "lint_arguments.hpp"

namespace policylint::cli {
namespace {

constexpr std::string_view kUsage =
    "usage: policylint credential-report [OPTIONS] REPORT.csv...\n"
    "Checks IAM credential reports (the CSV of aws iam get-credential-report): root\n"
    "keys and MFA, key rotation, unused credentials. Every option of 'policylint --help'\n"
    "applies; the thresholds are --max-key-age, --max-unused-days and --root-use-days.\n"
    "Get a report: aws iam get-credential-report --query Content --output text | base64 -d\n";

}  // namespace

int run_credential_report(Args args) {
  for (const std::string_view arg : args) {
    if (arg == "--") break;
    if (arg == "-h" || arg == "--help") {
      std::fwrite(kUsage.data(), 1, kUsage.size(), stdout);
      return exit_clean;
    }
  }
  LintArguments arguments;
  if (const auto stop = parse_lint_arguments(args, arguments)) {
    return *stop;
  }
  const bool no_file_given = arguments.paths.size() == 1 && arguments.paths.front() == "." && args.size() > 0 &&
                             args.back() != ".";
  if (args.empty() || no_file_given) {
    return usage_error("credential-report needs the report file: aws iam get-credential-report --query Content "
                       "--output text | base64 -d > report.csv; policylint credential-report report.csv");
  }
  arguments.credential_reports_only = true;
  return run_lint_with(arguments);
}

}  // namespace policylint::cli
