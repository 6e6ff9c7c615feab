// Feeds arbitrary bytes through a scanner (the first byte picks one: the
// policy linter, the credential report linter or the key scan) and renders
// the result in every report format. JSON, SARIF and baseline output must
// always parse (SARIF's as a whole document), and a baseline written for a
// result must hide all of its findings.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_support.hpp"
#include "policylint/baseline.hpp"
#include "policylint/hygiene.hpp"
#include "policylint/linter.hpp"
#include "policylint/report.hpp"

using namespace policylint;

namespace {

// The SARIF log of `result`, as render_sarif writes it. The rule descriptors
// at its end are the same for every input and take most of the time of a
// render (every rule's documentation), so they are made once: a log is the
// results the writer adds for the input, then the ending it writes after
// results, or after none.
std::string sarif_log(const LintResult& result) {
  const auto ending = [](const LintResult* sample) {
    const std::unique_ptr<ReportWriter> writer = sarif_writer("/src");
    std::string ignored;
    if (sample != nullptr) {
      writer->add(*sample, ignored);
    }
    std::string out;
    writer->finish(RunSummary{}, out);
    return out;
  };
  static const LintResult with_findings = Linter().lint("p.json", R"({"Statement": {"Effect": "allow"}})");
  static const std::string after_results = ending(&with_findings);
  static const std::string after_none = ending(nullptr);
  const std::unique_ptr<ReportWriter> writer = sarif_writer("/src");
  std::string log;
  writer->add(result, log);
  return log + (result.findings.empty() ? after_none : after_results);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  static const Linter linter;
  const std::string bytes = fuzz::bytes_of(data + 1, size - 1);
  LintResult result;
  switch (data[0] % 3) {
    case 0: result = linter.lint("fuzz/policy.json", bytes); break;
    case 1: result = lint_credential_report(linter, "fuzz/report.csv", bytes); break;
    default: result = scan_secrets(linter, "fuzz/notes.txt", bytes); break;
  }
  const std::span<const LintResult> results(&result, 1);
  const RunSummary summary = RunSummary::of(results);

  const nlohmann::json json = fuzz::require_json(render_json(results, summary), "JSON report is not JSON");
  fuzz::require(json["findings"].size() == result.findings.size(), "JSON report lost findings");
  fuzz::require(nlohmann::json::accept(sarif_log(result)), "SARIF report is not JSON");
  (void)render_text(results, summary, TextOptions{});
  (void)render_text(results, summary, TextOptions{true, true, true});
  (void)render_github(results);
  (void)render_statistics(results, summary);

  const std::string baseline_text = render_baseline(results);
  fuzz::require_json(baseline_text, "baseline is not JSON");
  std::string error;
  const auto baseline = Baseline::parse(baseline_text, error);
  fuzz::require(baseline.has_value(), "a written baseline is refused");
  LintResult again = result;
  fuzz::require(baseline->filter(again) == result.findings.size() && again.findings.empty(),
                "a baseline does not hide the findings it was written for");
  return 0;
}
