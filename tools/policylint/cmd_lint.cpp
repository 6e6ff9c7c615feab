// `policylint [OPTIONS] [PATH...]`: lint files, directories and globs.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "commands.hpp"
#include "credential_report_summary.hpp"
#include "file_scan.hpp"
#include "input_file.hpp"
#include "input_walk.hpp"
#include "lint_arguments.hpp"
#include "parallel_run.hpp"
#include "return_to_maker.hpp"
#include "policylint/baseline.hpp"
#include "policylint/config.hpp"
#include "policylint/guardrails.hpp"
#include "policylint/report.hpp"

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

bool use_color(ColorChoice choice) {
  if (choice != ColorChoice::automatic) {
    return choice == ColorChoice::always;
  }
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') {
    return false;
  }
  return isatty(STDOUT_FILENO) != 0;
}

// Results held at once: enough for every core to run ahead of the output,
// few enough that memory does not grow with the number of files.
constexpr std::size_t kResultWindow = 64;

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
  return text_writer(TextOptions{use_color(arguments.color), arguments.show_source, true});
}

// Takes the results in input order and writes the report as they come, so a
// run holds only the results still in flight. Guardrail coverage (PL423) is
// judged over every SCP of the run together and reported with the first, so
// from the first SCP on, results wait for the end.
class ReportSink {
 public:
  struct Settings {
    const Linter* linter = nullptr;      ///< the run's options: parse limits, credential report thresholds
    const Baseline* baseline = nullptr;  ///< findings to leave out
    Severity fail_on = Severity::warning;
    bool credential_tables = false;      ///< print a summary table after the report for each credential report
  };

  ReportSink(ReportWriter& writer, std::FILE* out, const Settings& settings)
      : writer_(writer), out_(out), settings_(settings) {}

  /// Writes `result`, or moves it out to write at the end. Whatever is left
  /// of it is the caller's to destroy.
  void take(LintResult& result) {
    if (result.policy_type == PolicyType::scp && result.parsed && result.source) {
      scps_.push_back(parse_document(result.file, result.source, settings_.linter->options().parse_limits));
    }
    if (!scps_.empty()) {
      held_.push_back(std::move(result));
      return;
    }
    write(result);
  }

  void finish(std::size_t files_skipped, std::size_t links_skipped) {
    if (!held_.empty()) {
      std::vector<Finding>& first_scp = held_.front().findings;
      for (Finding& finding : check_guardrails(scps_, *settings_.linter)) {
        first_scp.push_back(std::move(finding));
      }
      std::stable_sort(first_scp.begin(), first_scp.end(), reported_before);
      for (LintResult& result : held_) {
        write(result);
      }
      held_.clear();
    }
    summary_.files_skipped = files_skipped;
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

 private:
  void write(LintResult& result) {
    if (settings_.baseline != nullptr) {
      summary_.findings_baselined += settings_.baseline->filter(result);
    }
    summary_.add(result);
    failing_ = failing_ || std::any_of(result.findings.begin(), result.findings.end(),
                                       [&](const Finding& finding) { return at_least(finding, settings_.fail_on); });
    if (settings_.credential_tables) {
      if (auto table = credential_report_table(result, settings_.linter->options())) {
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
  std::vector<Document> scps_;
  std::vector<LintResult> held_;
  std::vector<std::string> tables_;
  std::string chunk_;
};

struct ScanOutcome {
  std::size_t skipped = 0;
  std::size_t links_skipped = 0;
  bool failed = false;  ///< a file could not be read (already reported)
};

// Lints every input on all cores and hands the results to `sink` in input order.
ScanOutcome scan_inputs(const LintArguments& arguments, const Config& config, ReportSink& sink) {
  const PathFilter filter{arguments.include, arguments.exclude, &config};
  WalkResult inputs = collect_inputs(arguments.paths, filter, arguments.force_exclude, arguments.stdin_filename);
  const ScanSettings settings{&filter, arguments.policies_only, !arguments.no_secrets};
  LinterSet linters(config, arguments.lint_options);
  std::vector<std::pair<const InputFile*, const Linter*>> jobs;
  for (const InputFile& file : inputs.files) {
    if (wanted(file, settings)) {
      jobs.emplace_back(&file, &linters.for_file(std::filesystem::path(file.path.empty() ? file.display : file.path)));
    }
  }
  ScanOutcome outcome;
  outcome.failed = inputs.failed;
  outcome.links_skipped = inputs.links_skipped;
  struct Slot {
    FileReport report;
    unsigned maker = 0;  ///< the thread that scanned the file
  };
  std::vector<Slot> slots(kResultWindow);
  const unsigned threads = threads_for(arguments.jobs, jobs.size(), kResultWindow);
  ReturnToMaker<FileReport> used_reports(threads);
  run_in_order(
      jobs.size(), threads, kResultWindow,
      [&](std::size_t i, unsigned thread) {
        used_reports.collect(thread);
        slots[i % kResultWindow] = Slot{scan_file(*jobs[i].first, *jobs[i].second, settings), thread};
      },
      [&](std::size_t i) {
        Slot& slot = slots[i % kResultWindow];
        FileReport& report = slot.report;
        if (!report.error.empty()) {
          std::fprintf(stderr, "policylint: %s\n", report.error.c_str());
          outcome.failed = true;
        }
        outcome.skipped += report.skipped ? 1 : 0;
        if (report.result) {
          sink.take(*report.result);
        }
        used_reports.give_back(slot.maker, std::move(report));
      });
  return outcome;
}

}  // namespace

int run_lint(Args args) {
  LintArguments arguments;
  if (const auto stop = parse_lint_arguments(args, arguments)) {
    return *stop;
  }
  std::optional<Config> config = load_configuration(arguments);
  if (!config) {
    return exit_usage;
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
  }
  const Linter run_linter(merge_options(*config, arguments.lint_options));
  ReportSink::Settings settings;
  settings.linter = &run_linter;
  settings.baseline = baseline && !arguments.write_baseline ? &*baseline : nullptr;
  settings.fail_on = arguments.fail_on.value_or(config->fail_on.value_or(Severity::warning));
  settings.credential_tables =
      !arguments.write_baseline && arguments.format == OutputFormat::text && !arguments.statistics;
  const std::unique_ptr<ReportWriter> writer = make_writer(arguments);
  ReportSink sink(*writer, out, settings);
  const ScanOutcome scan = scan_inputs(arguments, *config, sink);
  sink.finish(scan.skipped, scan.links_skipped);

  if (arguments.write_baseline) {
    if (std::fclose(out) != 0) {
      std::fprintf(stderr, "policylint: %s: cannot be written\n", arguments.write_baseline->c_str());
      return exit_usage;
    }
    const std::size_t recorded = sink.summary().findings;
    std::fprintf(stderr, "policylint: recorded %zu finding%s in %s\n", recorded, recorded == 1 ? "" : "s",
                 arguments.write_baseline->c_str());
    return scan.failed ? exit_usage : exit_clean;
  }
  std::fflush(stdout);
  if (scan.failed) {
    return exit_usage;
  }
  return sink.failing() ? exit_findings : exit_clean;
}

}  // namespace policylint::cli
