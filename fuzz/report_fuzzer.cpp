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

// Whether the SARIF log of `result` is one JSON document. A log is a fixed
// opening (up to `"results": [`), the results the writer adds for the input,
// and a fixed ending (the rule descriptors, every rule's documentation, the
// same for every input and most of the time a render takes). The fixed parts
// are checked once, with a sample result; each input's results are checked
// as the elements of a JSON array.
bool sarif_parses(const LintResult& result) {
  static const std::string opening = [] {
    const LintResult sample = Linter().lint("p.json", R"({"Statement": {"Effect": "allow"}})");
    const std::unique_ptr<ReportWriter> writer = sarif_writer("/src");
    std::string log;
    writer->add(sample, log);
    writer->finish(RunSummary{}, log);
    fuzz::require(nlohmann::json::accept(log), "the SARIF log of a sample result is not JSON");
    const std::size_t results = log.find("\"results\": [");
    fuzz::require(results != std::string::npos, "the SARIF log has no results array");
    return log.substr(0, results + std::string_view("\"results\": [").size());
  }();
  const std::unique_ptr<ReportWriter> writer = sarif_writer("/src");
  std::string added;
  writer->add(result, added);
  if (added.empty()) {
    return result.findings.empty();
  }
  return added.starts_with(opening) && nlohmann::json::accept("[" + added.substr(opening.size()) + "]");
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
    case 0:
      result = linter.lint("fuzz/policy.json", bytes);
      break;
    case 1:
      result = lint_credential_report(linter, "fuzz/report.csv", bytes);
      break;
    default:
      result = scan_secrets(linter, "fuzz/notes.txt", bytes);
      break;
  }
  const std::span<const LintResult> results(&result, 1);
  const RunSummary summary = RunSummary::of(results);

  const nlohmann::json json = fuzz::require_json(render_json(results, summary), "JSON report is not JSON");
  fuzz::require(json["findings"].size() == result.findings.size(), "JSON report lost findings");
  fuzz::require(sarif_parses(result), "SARIF report is not JSON");
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
