#include <nlohmann/json.hpp>

#include "policylint/baseline.hpp"
#include "policylint/catalog.hpp"
#include "policylint/report.hpp"
#include "policylint/safe_text.hpp"
#include "policylint/version.hpp"
#include "report/json_layout.hpp"
#include "report/masking.hpp"
#include "report/render_all.hpp"

namespace policylint {
namespace {

nlohmann::json finding_json(const Finding& finding, const std::string& fingerprint) {
  nlohmann::json out = {
      {"code", finding.code},
      {"name", finding.name},
      {"severity", to_string(finding.severity)},
      {"category", to_string(finding.category)},
      {"message", finding.message},
      {"file", finding.file},
      {"line", finding.range.begin.line},
      {"column", finding.range.begin.column},
      {"end_line", finding.range.end.line},
      {"end_column", finding.range.end.column},
      {"offset", finding.range.begin.offset},
      {"end_offset", finding.range.end.offset},
  };
  if (finding.statement_index) {
    out["statement"] = {{"index", *finding.statement_index}, {"sid", finding.sid}};
  } else {
    out["statement"] = nullptr;
  }
  nlohmann::json related = nlohmann::json::array();
  for (const RelatedLocation& location : finding.related) {
    related.push_back({{"line", location.range.begin.line},
                       {"column", location.range.begin.column},
                       {"end_line", location.range.end.line},
                       {"end_column", location.range.end.column},
                       {"message", location.message}});
    if (!location.file.empty()) {
      related.back()["file"] = location.file;
    }
  }
  out["related"] = std::move(related);
  out["fingerprint"] = fingerprint;
  return out;
}

class JsonWriter final : public ReportWriter {
 public:
  void add(const LintResult& result, std::string& out) override {
    const std::vector<std::string> prints = fingerprints(result);
    for (std::size_t i = 0; i < result.findings.size(); ++i) {
      const Finding& finding = result.findings[i];
      findings_.add(out, finding_json(finding, prints[i]));
      nlohmann::json& count = by_rule_[std::string(finding.code)];
      count = count.is_null() ? 1 : count.get<std::size_t>() + 1;
    }
    if (result.parsed) {
      // Written at the end, past the masking of this result's output.
      nlohmann::json entry = {{"file", mask_credentials(result.file)},
                              {"type", to_string(result.policy_type)},
                              {"detected", result.policy_type_detected}};
      if (!result.subject.empty()) {
        entry["subject"] = mask_credentials(result.subject);  // the policy's place in a template
      }
      if (result.policy_type_detected) {
        entry["ambiguous"] = result.policy_type_ambiguous;
        entry["basis"] = result.policy_type_basis;
      }
      policy_types_.push_back(std::move(entry));
    }
  }

  // Keys in the order nlohmann's objects keep them: findings, policy_types,
  // summary, tool.
  void finish(const RunSummary& summary, std::string& out) override {
    findings_.close(out);
    nlohmann::json by_severity = nlohmann::json::object();
    for (const Severity severity : {Severity::error, Severity::security, Severity::warning, Severity::suggestion}) {
      by_severity[std::string(to_string(severity))] = summary.by_severity[static_cast<std::size_t>(severity)];
    }
    nlohmann::json counts = {{"files", summary.files_linted},
                             {"files_skipped", summary.files_skipped},
                             {"links_skipped", summary.links_skipped},
                             {"findings", summary.findings},
                             {"by_severity", std::move(by_severity)},
                             {"by_rule", std::move(by_rule_)},
                             {"findings_baselined", summary.findings_baselined}};
    if (!summary.set_rules_skipped.empty()) {
      counts["set_rules_skipped"] = summary.set_rules_skipped;
    }
    const nlohmann::json tool = {
        {"name", "policylint"}, {"version", version()}, {"catalog", catalog::data_version()}};
    out += ",\n  \"policy_types\": ";
    report::append_nested(out, policy_types_, 1);
    out += ",\n  \"summary\": ";
    report::append_nested(out, counts, 1);
    out += ",\n  \"tool\": ";
    report::append_nested(out, tool, 1);
    out += "\n}\n";
  }

 private:
  report::StreamedArray findings_{1, "{\n  \"findings\": ["};
  nlohmann::json by_rule_ = nlohmann::json::object();
  nlohmann::json policy_types_ = nlohmann::json::array();
};

}  // namespace

std::unique_ptr<ReportWriter> json_writer() { return report::masked(std::make_unique<JsonWriter>()); }

std::string render_json(std::span<const LintResult> results, const RunSummary& summary) {
  return report::render_all(*json_writer(), results, summary);
}

}  // namespace policylint
