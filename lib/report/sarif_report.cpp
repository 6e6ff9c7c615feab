// SARIF 2.1.0 output for code scanning (GitHub and others).
#include <nlohmann/json.hpp>

#include "policylint/baseline.hpp"
#include "policylint/glob.hpp"
#include "policylint/report.hpp"
#include "policylint/rules.hpp"
#include "policylint/version.hpp"
#include "report/json_layout.hpp"
#include "report/markdown_text.hpp"
#include "report/masking.hpp"
#include "report/render_all.hpp"
#include "report/rule_help_uri.hpp"

namespace policylint {
namespace {

constexpr std::string_view kSourceRoot = "%SRCROOT%";

// Code scanning shows rules with a security-severity as security alerts and
// ranks them by it (9.0+ critical, 7.0+ high, 4.0+ medium, below low).
std::string_view security_severity(Severity severity) noexcept {
  switch (severity) {
    case Severity::security: return "8.0";
    case Severity::error: return "5.0";
    case Severity::warning: return "4.0";
    case Severity::suggestion: return "1.0";
  }
  return "1.0";
}

std::string_view level(Severity severity) noexcept {
  switch (severity) {
    case Severity::error:
    case Severity::security: return "error";
    case Severity::warning: return "warning";
    case Severity::suggestion: return "note";
  }
  return "warning";
}

// Categories about what a policy lets someone do, rather than its form.
bool security_relevant(Category category) noexcept {
  switch (category) {
    case Category::syntax:
    case Category::validity:
    case Category::hygiene:
    case Category::style: return false;
    default: return true;
  }
}

// RFC 3986: keep unreserved characters and '/', escape the rest.
std::string percent_encode(std::string_view path) {
  constexpr std::string_view hex = "0123456789ABCDEF";
  std::string out;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9') ||
        c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(hex[byte >> 4]);
      out.push_back(hex[byte & 0x0F]);
    }
  }
  return out;
}

nlohmann::json reporting_descriptor(const RuleInfo& rule) {
  const std::string_view doc = rule_documentation(rule.code);
  const std::string what_it_does = report::join_lines(report::markdown_to_plain(report::markdown_section(doc, "What it does")));
  nlohmann::json tags = {to_string(rule.category)};
  if (security_relevant(rule.category) || rule.severity == Severity::security) {
    tags.push_back("security");
  }
  return {
      {"id", rule.code},
      {"name", rule.name},
      {"shortDescription", {{"text", rule.summary}}},
      {"fullDescription", {{"text", what_it_does.empty() ? std::string(rule.summary) : what_it_does}}},
      {"help", {{"text", doc.empty() ? std::string(rule.summary) : report::markdown_to_plain(doc)},
                {"markdown", doc.empty() ? std::string(rule.summary) : std::string(doc)}}},
      {"helpUri", report::rule_help_uri(rule.code)},
      {"defaultConfiguration", {{"level", level(rule.severity)}}},
      {"properties", {{"security-severity", security_severity(rule.severity)},
                      {"tags", std::move(tags)},
                      {"precision", "high"}}},
  };
}

nlohmann::json region(const SourceRange& range) {
  return {{"startLine", range.begin.line},
          {"startColumn", range.begin.column},
          {"endLine", range.end.line},
          {"endColumn", range.end.column}};
}

// The log's keys come in the order nlohmann's objects keep them, which puts
// the results before the tool and its rules: the results are written as they
// arrive, the rules at the end.
class SarifWriter final : public ReportWriter {
 public:
  explicit SarifWriter(const std::filesystem::path& source_root)
      : source_root_(source_root), results_(3, opening(source_root)) {
    for (const RuleInfo* rule : all_rules()) {
      rule_index_.emplace(rule->code, rule_index_.size());
    }
  }

  void add(const LintResult& result, std::string& out) override {
    const std::vector<std::string> prints = fingerprints(result);
    const nlohmann::json artifact = artifact_location(result.file);
    for (std::size_t i = 0; i < result.findings.size(); ++i) {
      const Finding& finding = result.findings[i];
      nlohmann::json entry = {
          {"ruleId", finding.code},
          {"level", level(finding.severity)},
          {"message", {{"text", finding.message}}},
          {"locations", {{{"physicalLocation", {{"artifactLocation", artifact}, {"region", region(finding.range)}}}}}},
          {"partialFingerprints", {{"policylint/v1", prints[i]}}},
      };
      if (const auto index = rule_index_.find(finding.code); index != rule_index_.end()) {
        entry["ruleIndex"] = index->second;
      }
      if (!finding.related.empty()) {
        nlohmann::json related = nlohmann::json::array();
        for (const RelatedLocation& location : finding.related) {
          related.push_back({{"id", related.size()},
                             {"message", {{"text", location.message}}},
                             {"physicalLocation",
                              {{"artifactLocation", location.file.empty() ? artifact : artifact_location(location.file)},
                               {"region", region(location.range)}}}});
        }
        entry["relatedLocations"] = std::move(related);
      }
      results_.add(out, entry);
    }
  }

  void finish(const RunSummary& /*summary*/, std::string& out) override {
    results_.close(out);
    nlohmann::json rules = nlohmann::json::array();
    for (const RuleInfo* rule : all_rules()) {
      rules.push_back(reporting_descriptor(*rule));
    }
    const nlohmann::json tool = {{"driver",
                                  {{"name", "policylint"},
                                   {"version", version()},
                                   {"semanticVersion", version()},
                                   {"informationUri", "https://github.com/policylint/policylint"},
                                   {"rules", std::move(rules)}}}};
    out += ",\n      \"tool\": ";
    report::append_nested(out, tool, 3);
    out += "\n    }\n  ],\n  \"version\": \"2.1.0\"\n}\n";
  }

 private:
  // Everything before the results: the keys that sort before "results".
  static std::string opening(const std::filesystem::path& source_root) {
    const std::string root = percent_encode(std::filesystem::absolute(source_root).lexically_normal().generic_string());
    const nlohmann::json base_ids = {{kSourceRoot, {{"uri", "file://" + root + (root.ends_with('/') ? "" : "/")}}}};
    std::string out =
        "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"runs\": [\n    {\n"
        "      \"columnKind\": \"unicodeCodePoints\",\n      \"originalUriBaseIds\": ";
    report::append_nested(out, base_ids, 3);
    return out + ",\n      \"results\": [";
  }

  // Relative to the source root when the file is under it, else absolute.
  nlohmann::json artifact_location(const std::string& file) const {
    const std::string relative = relative_path(file, source_root_);
    if (!relative.starts_with("../") && relative != "..") {
      return {{"uri", percent_encode(relative)}, {"uriBaseId", kSourceRoot}};
    }
    return {{"uri", "file://" + percent_encode(std::filesystem::absolute(file).lexically_normal().generic_string())}};
  }

  std::filesystem::path source_root_;
  std::map<std::string_view, std::size_t, std::less<>> rule_index_;
  report::StreamedArray results_;
};

}  // namespace

std::unique_ptr<ReportWriter> sarif_writer(const std::filesystem::path& source_root) {
  return report::masked(std::make_unique<SarifWriter>(source_root));
}

std::string render_sarif(std::span<const LintResult> results, const std::filesystem::path& source_root) {
  return report::render_all(*sarif_writer(source_root), results, RunSummary{});
}

}  // namespace policylint
