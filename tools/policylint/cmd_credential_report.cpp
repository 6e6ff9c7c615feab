// `policylint credential-report [OPTIONS] FILE...`: check IAM credential
// reports. The same as linting the files, with every option of the lint
// command, except that each FILE must be a credential report.
#include <cstdio>
#include <string>

#include "commands.hpp"
#include "input_file.hpp"
#include "lint_arguments.hpp"
#include "policylint/hygiene.hpp"

namespace policylint::cli {
namespace {

// Enough of a file to read its header line.
constexpr std::size_t kHeadSize = 256;

}  // namespace

int run_credential_report(Args args) {
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
  for (const std::string& path : arguments.paths) {
    if (path == "-") {
      continue;  // read once, by the lint run; checked by its header there
    }
    const InputRead head = read_input_file(path, kHeadSize);
    if (!head.error.empty()) {
      std::fprintf(stderr, "policylint: %s: cannot be read: %s\n", path.c_str(), head.error.c_str());
      return exit_usage;
    }
    if (!looks_like_credential_report(head.bytes)) {
      return usage_error(path + " is not an IAM credential report (its first line must start with "
                                "user,arn,user_creation_time)");
    }
  }
  return run_lint(args);
}

}  // namespace policylint::cli
