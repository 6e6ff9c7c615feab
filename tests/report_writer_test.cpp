// The streaming report writers: what they write piece by piece is what the
// whole-run render functions print, and each result is written when added.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "policylint/baseline.hpp"
#include "policylint/linter.hpp"
#include "policylint/report.hpp"

namespace policylint {
namespace {

std::vector<LintResult> sample_results() {
  const Linter linter;
  std::vector<LintResult> results;
  results.push_back(linter.lint("bad.json", R"({"Version": "2012-10-17", "Statement": [
    {"Sid": "Read", "Effect": "allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},
    {"Effect": "Allow", "Action": "*", "Resource": "*"}]})"));
  results.push_back(linter.lint("clean.json", R"({"Version": "2012-10-17", "Statement":
    {"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}})"));
  results.push_back(linter.lint("broken.json", "{\"Version\": \"2012-10-17\", \"Statement\": [}"));
  return results;
}

struct Streamed {
  std::string whole;
  std::vector<std::size_t> added;  ///< bytes each add wrote
};

Streamed stream(ReportWriter& writer, std::span<const LintResult> results, const RunSummary& summary) {
  Streamed out;
  for (const LintResult& result : results) {
    std::string piece;
    writer.add(result, piece);
    out.added.push_back(piece.size());
    out.whole += piece;
  }
  std::string end;
  writer.finish(summary, end);
  out.whole += end;
  return out;
}

TEST_CASE("a run counts an input that holds several documents as one file", "[report]") {
  LintResult first;
  first.file = "template.yaml";
  first.subject = "DeployRole.Policies[0]";
  LintResult second = first;
  second.subject = "DeployRole.AssumeRolePolicyDocument";
  second.document_index = 1;
  const std::vector<LintResult> results = {first, second};
  const RunSummary summary = RunSummary::of(results);
  CHECK(summary.files_linted == 1);
}

}  // namespace

TEST_CASE("streamed reports are byte for byte the rendered ones, for every format", "[report]") {
  const std::vector<LintResult> results = sample_results();
  REQUIRE(results[0].findings.size() >= 2);
  REQUIRE(results[1].findings.empty());
  const RunSummary summary = RunSummary::of(results, 2);
  const TextOptions text_options{false, true, true};

  SECTION("text") {
    CHECK(stream(*text_writer(text_options), results, summary).whole == render_text(results, summary, text_options));
  }
  SECTION("json") {
    const std::string json = stream(*json_writer(), results, summary).whole;
    CHECK(json == render_json(results, summary));
    const nlohmann::json parsed = nlohmann::json::parse(json);
    CHECK(parsed["findings"].size() == summary.findings);
    CHECK(parsed["summary"]["files_skipped"] == 2);
  }
  SECTION("sarif") {
    const std::string sarif = stream(*sarif_writer("/src"), results, summary).whole;
    CHECK(sarif == render_sarif(results, "/src"));
    CHECK(nlohmann::json::parse(sarif)["runs"][0]["results"].size() == summary.findings);
  }
  SECTION("github") { CHECK(stream(*github_writer(), results, summary).whole == render_github(results)); }
  SECTION("statistics") {
    CHECK(stream(*statistics_writer(), results, summary).whole == render_statistics(results, summary));
  }
  SECTION("baseline") {
    const std::string baseline = stream(*baseline_writer(), results, summary).whole;
    CHECK(baseline == render_baseline(results));
    std::string error;
    CHECK(Baseline::parse(baseline, error).has_value());
  }
}

TEST_CASE("a result's findings are written when it is added, not at the end", "[report]") {
  const std::vector<LintResult> results = sample_results();
  const RunSummary summary = RunSummary::of(results);
  for (const auto& writer :
       {text_writer({}), json_writer(), sarif_writer("/src"), github_writer(), baseline_writer()}) {
    const Streamed streamed = stream(*writer, results, summary);
    CHECK(streamed.added[0] > 0);
    CHECK(streamed.added[2] > 0);
  }
}

TEST_CASE("reports with no results are complete documents", "[report]") {
  const RunSummary summary;
  CHECK(nlohmann::json::parse(render_json({}, summary))["findings"].empty());
  CHECK(nlohmann::json::parse(render_sarif({}, "/src"))["runs"][0]["results"].empty());
  std::string error;
  CHECK(Baseline::parse(render_baseline({}), error).has_value());
  CHECK(render_text({}, summary, {}) == "0 findings in 0 files\n");
}

}  // namespace policylint
