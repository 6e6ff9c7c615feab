// `policylint [OPTIONS] [PATH...]`: lint files, directories and globs.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>

#include "commands.hpp"
#include "credential_report_summary.hpp"
#include "init_config.hpp"
#include "input_walk.hpp"
#include "lint_arguments.hpp"
#include "policylint/baseline.hpp"
#include "policylint/config.hpp"
#include "policylint/input_file.hpp"
#include "policylint/report.hpp"
#include "policylint/workspace.hpp"
#include "show_settings.hpp"

namespace policylint::cli {
namespace {

// Configurations and baselines are read whole, within the parser's default
// limit: a baseline lists one line of JSON per finding.
constexpr std::size_t kConfigLimit = ParseLimits{}.max_bytes;

// Why a configuration or baseline read as `read` cannot be used.
std::string unreadable(const InputRead& read) {
  return read.over_limit ? "larger than " + std::to_string(kConfigLimit) + " bytes, the limit"
                         : "cannot be read: " + read.error;
}

// The configuration the arguments ask for; nothing when it has errors
// (already printed).
std::optional<Config> load_configuration(const LintArguments& arguments) {
  if (arguments.no_config) {
    return Config{};
  }
  std::optional<std::filesystem::path> file = arguments.config_file;
  if (!file) {
    std::error_code error;
    file = find_config(std::filesystem::current_path(error));
    if (!file) {
      return Config{};
    }
  }
  const InputRead read = read_input_file(file->string(), kConfigLimit);
  if (!read.error.empty() || read.over_limit) {
    std::fprintf(stderr, "policylint: %s: %s\n", file->string().c_str(), unreadable(read).c_str());
    return std::nullopt;
  }
  ConfigLoad load = parse_config(*file, read.bytes);
  for (const ConfigError& error : load.errors) {
    std::fprintf(stderr, "policylint: %s\n", to_string(error).c_str());
  }
  if (!load.errors.empty()) {
    return std::nullopt;
  }
  return std::move(load.config);
}

// Colour when `stream` (a file descriptor) is a terminal, unless told.
bool use_color(ColorChoice choice, int stream) {
  if (choice != ColorChoice::automatic) {
    return choice == ColorChoice::always;
  }
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') {
    return false;
  }
  return stream >= 0 && isatty(stream) != 0;
}

std::unique_ptr<ReportWriter> make_writer(const LintArguments& arguments) {
  if (arguments.write_baseline) {
    return baseline_writer();
  }
  switch (arguments.format) {
    case OutputFormat::json: return json_writer();
    case OutputFormat::github: return github_writer();
    case OutputFormat::sarif: {
      std::error_code error;
      return sarif_writer(std::filesystem::current_path(error));
    }
    case OutputFormat::text: break;
  }
  if (arguments.statistics) {
    return statistics_writer();
  }
  // With --output-file the summary line goes to stderr (print_summary), and
  // a file gets colour only when asked for.
  const int stream = arguments.output_file ? -1 : STDOUT_FILENO;
  return text_writer(TextOptions{use_color(arguments.color, stream), arguments.show_source,
                                 !arguments.quiet && !arguments.output_file});
}

// The text report's summary line, on stderr, for a report written to a file.
void print_summary(const LintArguments& arguments, const RunSummary& summary) {
  if (arguments.quiet) {
    return;
  }
  std::string line;
  text_writer(TextOptions{use_color(arguments.color, STDERR_FILENO), false, true})->finish(summary, line);
  std::fwrite(line.data(), 1, line.size(), stderr);
}

// Takes the results in input order and writes the report as they come, so a
// run holds only the results still in flight.
class ReportSink {
 public:
  struct Settings {
    const Baseline* baseline = nullptr;  ///< findings to leave out
    Severity fail_on = Severity::warning;
    bool credential_tables = false;      ///< print a summary table after the report for each credential report
  };

  ReportSink(ReportWriter& writer, std::FILE* out, const Settings& settings)
      : writer_(writer), out_(out), settings_(settings) {}

  /// Writes what the workspace produced for one input.
  void take(InputResult& input) {
    if (!input.error.empty()) {
      std::fprintf(stderr, "policylint: %s\n", input.error.c_str());
      failed_ = true;
    }
    summary_.files_skipped += input.skipped ? 1 : 0;
    for (LintResult& result : input.results) {
      write(result);
    }
  }

  void finish(const WorkspaceOutcome& outcome, std::size_t links_skipped) {
    summary_.set_rules_skipped = outcome.set_rules_skipped;
    summary_.links_skipped = links_skipped;
    chunk_.clear();
    writer_.finish(summary_, chunk_);
    emit(chunk_);
    for (const std::string& table : tables_) {
      emit(table);
    }
  }

  const RunSummary& summary() const noexcept { return summary_; }
  bool failing() const noexcept { return failing_; }
  bool failed() const noexcept { return failed_; }

 private:
  void write(LintResult& result) {
    if (settings_.baseline != nullptr) {
      summary_.findings_baselined += settings_.baseline->filter(result);
    }
    summary_.add(result);
    failing_ = failing_ || std::any_of(result.findings.begin(), result.findings.end(),
                                       [&](const Finding& finding) { return at_least(finding, settings_.fail_on); });
    if (settings_.credential_tables) {
      if (auto table = credential_report_table(result)) {
        tables_.push_back(std::move(*table));
      }
    }
    chunk_.clear();
    writer_.add(result, chunk_);
    emit(chunk_);
  }

  void emit(std::string_view text) { std::fwrite(text.data(), 1, text.size(), out_); }

  ReportWriter& writer_;
  std::FILE* out_;
  Settings settings_;
  RunSummary summary_;
  bool failing_ = false;
  bool failed_ = false;  ///< an input could not be read (already reported)
  std::vector<std::string> tables_;
  std::string chunk_;
};

// Which source readers may take a file: a walk reads the files the include
// globs match as policies and *.csv files as credential reports; a named
// file is offered to every reader.
InputReaders readers_for(const InputFile& file, const PathFilter& filter, const LintArguments& arguments) {
  InputReaders readers;
  readers.policy = file.origin != Origin::walked || filter.included(file);
  readers.policies_only = file.origin != Origin::named || arguments.policies_only;
  readers.credential_report =
      file.origin == Origin::named || std::filesystem::path(file.path).extension() == ".csv";
  readers.secrets = !arguments.no_secrets;
  readers.require_credential_report = file.origin == Origin::named && arguments.credential_reports_only;
  return readers;
}

WorkspaceInput input_for(const InputFile& file, const PathFilter& filter, const LintArguments& arguments) {
  WorkspaceInput input;
  input.source = file.path.empty() ? WorkspaceInput::Source::standard_input : WorkspaceInput::Source::file;
  input.path = file.path;
  input.name = file.display;
  input.readers = readers_for(file, filter, arguments);
  input.picked = file.origin == Origin::named;
  return input;
}

bool names_scps(const Config& config) {
  return std::any_of(config.policy_types.begin(), config.policy_types.end(),
                     [](const PolicyTypeByPath& entry) { return entry.type == PolicyType::scp; });
}

// The configuration's type for a file, if a policy-types glob matches it.
std::optional<PolicyType> configured_type(const Config& config, const std::string& path) {
  const std::string relative = relative_path(path, config.directory);
  for (const PolicyTypeByPath& entry : config.policy_types) {
    if (path_matches(entry.glob, relative)) {
      return entry.type;
    }
  }
  return std::nullopt;
}

std::string canonical(const std::string& path) {
  std::error_code error;
  return std::filesystem::weakly_canonical(path, error).string();
}

// Guardrail coverage judges an organisation's SCPs together, and a hook
// passes only some of them: when the configuration says which files are
// SCPs, the repository's other SCPs join the set as context.
void complete_scp_set(Workspace& workspace, const std::vector<InputFile>& inputs, const PathFilter& filter,
                      const Config& config) {
  if (!names_scps(config)) {
    return;
  }
  std::vector<std::string> linted;
  for (const InputFile& file : inputs) {
    if (!file.path.empty()) {
      linted.push_back(canonical(file.path));
    }
  }
  std::sort(linted.begin(), linted.end());
  const WalkResult repository = collect_inputs({config.directory.string()}, filter, false, "-");
  for (const InputFile& file : repository.files) {
    if (!filter.included(file) || configured_type(config, file.path) != PolicyType::scp ||
        std::binary_search(linted.begin(), linted.end(), canonical(file.path))) {
      continue;
    }
    WorkspaceInput input;
    input.path = file.path;
    input.name = file.display;
    input.context_only = true;
    workspace.add(std::move(input));
  }
  workspace.mark_set_complete();
}

struct ScanOutcome {
  WorkspaceOutcome workspace;
  std::size_t links_skipped = 0;
  bool failed = false;  ///< a path could not be walked (already reported)
};

// Lints every input on all cores and hands the results to `sink` in input order.
ScanOutcome scan_inputs(const LintArguments& arguments, const Config& config, ReportSink& sink) {
  const PathFilter filter{arguments.include, arguments.exclude, &config,
                          config.default_excludes && !arguments.no_default_excludes};
  WalkResult inputs = collect_inputs(arguments.paths, filter, arguments.force_exclude, arguments.stdin_filename);
  Workspace workspace(arguments.lint_options, config);
  for (const InputFile& file : inputs.files) {
    WorkspaceInput input = input_for(file, filter, arguments);
    if (input.readers.policy || input.readers.credential_report || input.readers.secrets) {
      workspace.add(std::move(input));
    }
  }
  complete_scp_set(workspace, inputs.files, filter, config);
  ScanOutcome outcome;
  outcome.failed = inputs.failed;
  outcome.links_skipped = inputs.links_skipped;
  outcome.workspace = workspace.run(arguments.jobs, [&](InputResult& input) { sink.take(input); });
  return outcome;
}

}  // namespace

int run_lint(Args args) {
  LintArguments arguments;
  if (const auto stop = parse_lint_arguments(args, arguments)) {
    return *stop;
  }
  if (arguments.init) {
    return write_initial_config();
  }
  return run_lint_with(arguments);
}

int run_lint_with(LintArguments& arguments) {
  std::optional<Config> config = load_configuration(arguments);
  if (!config) {
    return exit_usage;
  }
  if (arguments.show_settings) {
    print_settings(arguments, *config);
    return exit_clean;
  }
  config->credential_report.override_with(arguments.thresholds);
  std::optional<Baseline> baseline;
  if (arguments.baseline) {
    const InputRead read = read_input_file(*arguments.baseline, kConfigLimit);
    std::string error = unreadable(read);
    if (read.error.empty() && !read.over_limit) {
      baseline = Baseline::parse(read.bytes, error);
    }
    if (!baseline) {
      std::fprintf(stderr, "policylint: %s: %s\n", arguments.baseline->c_str(), error.c_str());
      return exit_usage;
    }
  }

  std::FILE* out = stdout;
  if (arguments.write_baseline) {
    out = std::fopen(arguments.write_baseline->c_str(), "wb");
    if (out == nullptr) {
      std::fprintf(stderr, "policylint: %s: cannot be written\n", arguments.write_baseline->c_str());
      return exit_usage;
    }
  } else if (arguments.output_file) {
    out = std::fopen(arguments.output_file->c_str(), "wb");
    if (out == nullptr) {
      std::fprintf(stderr, "policylint: %s: cannot be written: %s\n", arguments.output_file->c_str(),
                   error_reason(errno).c_str());
      return exit_usage;
    }
  }
  ReportSink::Settings settings;
  settings.baseline = baseline && !arguments.write_baseline ? &*baseline : nullptr;
  settings.fail_on = arguments.fail_on.value_or(config->fail_on.value_or(Severity::warning));
  settings.credential_tables =
      !arguments.write_baseline && arguments.format == OutputFormat::text && !arguments.statistics;
  const std::unique_ptr<ReportWriter> writer = make_writer(arguments);
  ReportSink sink(*writer, out, settings);
  const ScanOutcome scan = scan_inputs(arguments, *config, sink);
  sink.finish(scan.workspace, scan.links_skipped);
  const bool failed = scan.failed || sink.failed();

  if (arguments.write_baseline) {
    if (std::fclose(out) != 0) {
      std::fprintf(stderr, "policylint: %s: cannot be written\n", arguments.write_baseline->c_str());
      return exit_usage;
    }
    const std::size_t recorded = sink.summary().findings;
    std::fprintf(stderr, "policylint: recorded %zu finding%s in %s\n", recorded, recorded == 1 ? "" : "s",
                 arguments.write_baseline->c_str());
    return failed ? exit_usage : exit_clean;
  }
  if (arguments.output_file) {
    if (std::fclose(out) != 0) {
      std::fprintf(stderr, "policylint: %s: cannot be written\n", arguments.output_file->c_str());
      return exit_usage;
    }
    print_summary(arguments, sink.summary());
  }
  std::fflush(stdout);
  if (failed) {
    return exit_usage;
  }
  return sink.failing() && !arguments.exit_zero ? exit_findings : exit_clean;
}

}  // namespace policylint::cli
