// `policylint [OPTIONS] [PATH...]`: lint files, directories and globs.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "commands.hpp"
#include "credential_report_summary.hpp"
#include "file_scan.hpp"
#include "input_walk.hpp"
#include "lint_arguments.hpp"
#include "parallel_run.hpp"
#include "policylint/baseline.hpp"
#include "policylint/config.hpp"
#include "policylint/guardrails.hpp"
#include "policylint/report.hpp"

namespace policylint::cli {
namespace {

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
  ConfigLoad load = load_config(*file);
  for (const ConfigError& error : load.errors) {
    std::fprintf(stderr, "policylint: %s\n", to_string(error).c_str());
  }
  if (!load.errors.empty()) {
    return std::nullopt;
  }
  return std::move(load.config);
}

std::optional<std::string> read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) {
    return std::nullopt;
  }
  return text.str();
}

bool write_text_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  return !out.fail();
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

std::string render(const LintArguments& arguments, std::span<const LintResult> results, const RunSummary& summary) {
  switch (arguments.format) {
    case OutputFormat::json: return render_json(results, summary);
    case OutputFormat::github: return render_github(results);
    case OutputFormat::sarif: {
      std::error_code error;
      return render_sarif(results, std::filesystem::current_path(error));
    }
    case OutputFormat::text: break;
  }
  if (arguments.statistics) {
    return render_statistics(results, summary);
  }
  return render_text(results, summary, TextOptions{use_color(arguments.color), arguments.show_source, true});
}

struct Scan {
  std::vector<LintResult> results;  ///< in input order
  std::size_t skipped = 0;
  bool failed = false;  ///< a file could not be read (already reported)
};

Scan scan_inputs(const LintArguments& arguments, const Config& config) {
  const PathFilter filter{arguments.include, arguments.exclude, &config};
  WalkResult inputs = collect_inputs(arguments.paths, filter, arguments.force_exclude, arguments.stdin_filename);
  const ScanSettings settings{&filter, arguments.policies_only, !arguments.no_secrets};
  LinterSet linters(config, arguments.lint_options);
  std::vector<std::pair<const InputFile*, const Linter*>> jobs;
  for (const InputFile& file : inputs.files) {
    if (wanted(file, settings)) {
      jobs.emplace_back(&file, &linters.for_file(file.path.empty() ? std::filesystem::path(file.display) : file.path));
    }
  }
  std::vector<FileReport> reports(jobs.size());
  run_parallel(jobs.size(), arguments.jobs,
               [&](std::size_t i) { reports[i] = scan_file(*jobs[i].first, *jobs[i].second, settings); });
  Scan scan;
  scan.failed = inputs.failed;
  for (FileReport& report : reports) {
    if (!report.error.empty()) {
      std::fprintf(stderr, "policylint: %s\n", report.error.c_str());
      scan.failed = true;
    }
    scan.skipped += report.skipped ? 1 : 0;
    if (report.result) {
      scan.results.push_back(std::move(*report.result));
    }
  }
  return scan;
}

// Guardrail coverage (PL423) is judged over every SCP of the run together;
// its findings go with the first SCP, in the usual order.
void check_scp_guardrails(std::vector<LintResult>& results, const Linter& linter) {
  std::vector<Document> scps;
  LintResult* first = nullptr;
  for (LintResult& result : results) {
    if (result.policy_type == PolicyType::scp && result.parsed && result.source) {
      scps.push_back(parse_document(result.file, *result.source, linter.options().parse_limits));
      first = first != nullptr ? first : &result;
    }
  }
  if (first == nullptr) {
    return;
  }
  for (Finding& finding : check_guardrails(scps, linter)) {
    first->findings.push_back(std::move(finding));
  }
  std::stable_sort(first->findings.begin(), first->findings.end(), reported_before);
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
    const auto text = read_text_file(*arguments.baseline);
    std::string error = "cannot be read";
    if (text) {
      baseline = Baseline::parse(*text, error);
    }
    if (!baseline) {
      std::fprintf(stderr, "policylint: %s: %s\n", arguments.baseline->c_str(), error.c_str());
      return exit_usage;
    }
  }

  Scan scan = scan_inputs(arguments, *config);
  check_scp_guardrails(scan.results, Linter(merge_options(*config, arguments.lint_options)));

  if (arguments.write_baseline) {
    if (!write_text_file(*arguments.write_baseline, render_baseline(scan.results))) {
      std::fprintf(stderr, "policylint: %s: cannot be written\n", arguments.write_baseline->c_str());
      return exit_usage;
    }
    const std::size_t recorded = RunSummary::of(scan.results).findings;
    std::fprintf(stderr, "policylint: recorded %zu finding%s in %s\n", recorded, recorded == 1 ? "" : "s",
                 arguments.write_baseline->c_str());
    return scan.failed ? exit_usage : exit_clean;
  }
  const std::size_t baselined = baseline ? baseline->filter(scan.results) : 0;
  RunSummary summary = RunSummary::of(scan.results, scan.skipped);
  summary.findings_baselined = baselined;
  const std::string output = render(arguments, scan.results, summary);
  std::fwrite(output.data(), 1, output.size(), stdout);
  if (arguments.format == OutputFormat::text && !arguments.statistics) {
    print_credential_report_summaries(scan.results, merge_options(*config, arguments.lint_options));
  }
  std::fflush(stdout);

  if (scan.failed) {
    return exit_usage;
  }
  const Severity fail_on = arguments.fail_on.value_or(config->fail_on.value_or(Severity::warning));
  for (const LintResult& result : scan.results) {
    for (const Finding& finding : result.findings) {
      if (at_least(finding, fail_on)) {
        return exit_findings;
      }
    }
  }
  return exit_clean;
}

}  // namespace policylint::cli
