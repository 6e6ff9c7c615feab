#pragma once
// The options of `policylint [OPTIONS] PATH...` and the --help text.
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "policylint/config.hpp"
#include "policylint/linter.hpp"

namespace policylint::cli {

enum class OutputFormat { text, json, sarif, github };
enum class ColorChoice { automatic, always, never };

struct LintArguments {
  LintOptions lint_options;  ///< command-line values only; the configuration fills in the rest
  HygieneThresholds thresholds;  ///< credential report thresholds given as flags; they beat the configuration's
  std::vector<std::string> paths;
  OutputFormat format = OutputFormat::text;
  bool statistics = false;
  std::optional<std::string> output_file;  ///< the report goes here; the summary line to stderr
  bool quiet = false;      ///< no summary line
  bool exit_zero = false;
  bool init = false;
  bool show_settings = false;  ///< print the effective settings and their sources instead of linting       ///< write a starting .policylint.json instead of linting  ///< findings do not fail the run (errors still exit 2)
  std::optional<Severity> fail_on;  ///< absent: the configuration's, or warning
  ColorChoice color = ColorChoice::automatic;
  bool show_source = true;
  std::optional<std::string> config_file;
  bool no_config = false;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  bool force_exclude = false;
  bool no_default_excludes = false;  ///< walks enter vendored directories too
  bool policies_only = false;
  bool no_secrets = false;
  std::string stdin_filename = "-";
  std::optional<std::string> baseline;
  std::optional<std::string> write_baseline;
  unsigned jobs = 0;  ///< 0: one per core
  bool credential_reports_only = false;  ///< `credential-report`: every named file must be one
};

/// Parses the arguments. Returns an exit code when the command is done
/// (--help, --version) or the arguments are wrong; the error is printed.
std::optional<int> parse_lint_arguments(Args args, LintArguments& out);

/// Lints what the parsed arguments name; returns the exit code.
int run_lint_with(LintArguments& arguments);

/// Prints `policylint: MESSAGE` and a hint to stderr; returns exit_usage.
int usage_error(const std::string& message);

}  // namespace policylint::cli
