// `policylint [options] PATH...`: lint files and directories.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "commands.hpp"
#include "policylint/catalog.hpp"
#include "policylint/linter.hpp"
#include "policylint/report.hpp"
#include "policylint/version.hpp"

namespace policylint::cli {
namespace {

constexpr std::string_view kHelp = R"(policylint - offline static analyzer for AWS IAM policies

USAGE
    policylint [OPTIONS] PATH...
    policylint rules
    policylint explain CODE|NAME

Lints IAM policy documents. PATH is a file, a directory (searched recursively
for *.json files that are policy documents), or - for standard input.

OPTIONS
    --format FORMAT       text (default) or json
    --policy-type TYPE    lint every input as TYPE: identity, resource, trust,
                          scp, rcp, boundary, session or endpoint (default:
                          detected per file)
    --fail-on SEVERITY    exit 1 when a finding is at least this severe:
                          error, security, warning (default) or suggestion
    --select LIST         run only these rules: comma-separated codes, names,
                          code prefixes (PL1) or categories
    --ignore LIST         do not run these rules (same forms as --select)
    --color WHEN          auto (default), always or never; NO_COLOR is honoured
    --no-source           do not print the source line under each finding
    --version             print the version of policylint and its IAM catalog
    -h, --help            print this help

EXIT STATUS
    0   no finding at or above --fail-on
    1   at least one finding at or above --fail-on
    2   usage error, or a file that cannot be read

EXAMPLES
    policylint policies/
    policylint --format json --fail-on error role-trust.json
    cat policy.json | policylint --policy-type scp -
)";

struct LintCommand {
  LintOptions lint_options;
  std::vector<std::string> paths;
  std::string format = "text";
  Severity fail_on = Severity::warning;
  std::string color = "auto";
  bool show_source = true;
};

int usage_error(const std::string& message) {
  std::fprintf(stderr, "policylint: %s\nTry 'policylint --help'.\n", message.c_str());
  return exit_usage;
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    const std::string_view item = text.substr(start, comma == std::string_view::npos ? comma : comma - start);
    if (!item.empty()) {
      out.emplace_back(item);
    }
    if (comma == std::string_view::npos) {
      break;
    }
    start = comma + 1;
  }
  return out;
}

// Parses the arguments; returns an exit code when the command should stop.
std::optional<int> parse_arguments(Args args, LintCommand& command) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    const auto value = [&](std::string_view name) -> std::optional<std::string_view> {
      if (i + 1 >= args.size()) {
        usage_error(std::string(name) + " needs a value");
        return std::nullopt;
      }
      return args[++i];
    };
    if (arg == "-h" || arg == "--help") {
      std::fwrite(kHelp.data(), 1, kHelp.size(), stdout);
      return exit_clean;
    }
    if (arg == "--version") {
      std::printf("policylint %s (IAM catalog %.*s)\n", version(), static_cast<int>(catalog::data_version().size()),
                  catalog::data_version().data());
      return exit_clean;
    }
    if (arg == "--no-source") {
      command.show_source = false;
    } else if (arg == "--format" || arg == "--policy-type" || arg == "--fail-on" || arg == "--select" ||
               arg == "--ignore" || arg == "--color") {
      const auto v = value(arg);
      if (!v) {
        return exit_usage;
      }
      if (arg == "--format") {
        if (*v != "text" && *v != "json") {
          return usage_error("unknown format '" + std::string(*v) + "' (expected text or json)");
        }
        command.format = *v;
      } else if (arg == "--policy-type") {
        const auto type = parse_policy_type(*v);
        if (!type) {
          return usage_error("unknown policy type '" + std::string(*v) +
                             "' (expected identity, resource, trust, scp, rcp, boundary, session or endpoint)");
        }
        command.lint_options.policy_type = type;
      } else if (arg == "--fail-on") {
        const auto severity = parse_severity(*v);
        if (!severity) {
          return usage_error("unknown severity '" + std::string(*v) +
                             "' (expected error, security, warning or suggestion)");
        }
        command.fail_on = *severity;
      } else if (arg == "--select") {
        command.lint_options.select = split_list(*v);
      } else if (arg == "--ignore") {
        command.lint_options.ignore = split_list(*v);
      } else {
        if (*v != "auto" && *v != "always" && *v != "never") {
          return usage_error("--color takes auto, always or never");
        }
        command.color = *v;
      }
    } else if (arg.size() > 1 && arg.front() == '-') {
      return usage_error("unknown option '" + std::string(arg) + "'");
    } else {
      command.paths.emplace_back(arg);
    }
  }
  if (command.paths.empty()) {
    return usage_error("no input: give files, directories, or - for standard input");
  }
  return std::nullopt;
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    return std::nullopt;
  }
  return std::move(buffer).str();
}

struct Inputs {
  std::vector<std::filesystem::path> explicit_files;
  std::vector<std::filesystem::path> walked_files;
};

bool collect(const std::string& path, Inputs& inputs) {
  std::error_code error;
  const std::filesystem::file_status status = std::filesystem::status(path, error);
  if (error || !std::filesystem::exists(status)) {
    std::fprintf(stderr, "policylint: %s: no such file or directory\n", path.c_str());
    return false;
  }
  if (!std::filesystem::is_directory(status)) {
    inputs.explicit_files.emplace_back(path);
    return true;
  }
  std::vector<std::filesystem::path> found;
  for (auto it = std::filesystem::recursive_directory_iterator(
           path, std::filesystem::directory_options::skip_permission_denied, error);
       !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (it->is_directory() && !name.empty() && name.front() == '.') {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && it->path().extension() == ".json") {
      found.push_back(it->path());
    }
  }
  if (error) {
    std::fprintf(stderr, "policylint: %s: %s\n", path.c_str(), error.message().c_str());
    return false;
  }
  std::sort(found.begin(), found.end());
  inputs.walked_files.insert(inputs.walked_files.end(), found.begin(), found.end());
  return true;
}

bool use_color(const std::string& when) {
  if (when == "always") {
    return true;
  }
  if (when == "never" || std::getenv("NO_COLOR") != nullptr) {
    return false;
  }
  return isatty(STDOUT_FILENO) != 0;
}

}  // namespace

int run_lint(Args args) {
  LintCommand command;
  if (const auto stop = parse_arguments(args, command)) {
    return *stop;
  }
  const Linter linter(command.lint_options);
  std::vector<LintResult> results;
  std::size_t skipped = 0;
  bool io_error = false;
  for (const std::string& path : command.paths) {
    if (path == "-") {
      std::string bytes(std::istreambuf_iterator<char>(std::cin), {});
      results.push_back(linter.lint("-", std::move(bytes)));
      continue;
    }
    Inputs inputs;
    if (!collect(path, inputs)) {
      io_error = true;
      continue;
    }
    const auto read_or_report = [&](const std::filesystem::path& file) {
      auto bytes = read_file(file);
      if (!bytes) {
        std::fprintf(stderr, "policylint: %s: cannot be read\n", file.string().c_str());
        io_error = true;
      }
      return bytes;
    };
    for (const auto& file : inputs.explicit_files) {
      if (auto bytes = read_or_report(file)) {
        results.push_back(linter.lint(file.string(), std::move(*bytes)));
      }
    }
    for (const auto& file : inputs.walked_files) {
      auto bytes = read_or_report(file);
      if (!bytes) {
        continue;
      }
      Document document = parse_document(file.string(), std::move(*bytes), command.lint_options.parse_limits);
      if (document.policy && !looks_like_policy(document)) {
        ++skipped;
        continue;
      }
      results.push_back(linter.lint(std::move(document)));
    }
  }
  const RunSummary summary = RunSummary::of(results, skipped);
  const std::string output = command.format == "json"
                                 ? render_json(results, summary)
                                 : render_text(results, summary, TextOptions{use_color(command.color),
                                                                             command.show_source, true});
  std::fwrite(output.data(), 1, output.size(), stdout);
  if (io_error) {
    return exit_usage;
  }
  for (const LintResult& result : results) {
    for (const Finding& finding : result.findings) {
      if (at_least(finding, command.fail_on)) {
        return exit_findings;
      }
    }
  }
  return exit_clean;
}

}  // namespace policylint::cli
