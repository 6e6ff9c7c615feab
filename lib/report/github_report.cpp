// GitHub Actions workflow commands: each finding becomes an annotation on the
// pull request's diff.
#include <fmt/format.h>

#include "policylint/report.hpp"
#include "report/render_all.hpp"

namespace policylint {
namespace {

std::string_view command(Severity severity) noexcept {
  switch (severity) {
    case Severity::error:
    case Severity::security: return "error";
    case Severity::warning: return "warning";
    case Severity::suggestion: return "notice";
  }
  return "warning";
}

// Workflow commands end at a line break and split properties at ',' and ':';
// the runner decodes these escapes.
std::string escape(std::string_view text, bool property) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out.push_back(c);
    }
  }
  return out;
}

class GithubWriter final : public ReportWriter {
 public:
  void add(const LintResult& result, std::string& out) override {
    for (const Finding& finding : result.findings) {
      fmt::format_to(std::back_inserter(out), "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                     command(finding.severity), escape(finding.file, true), finding.range.begin.line,
                     finding.range.begin.column, finding.range.end.line, finding.range.end.column,
                     escape(fmt::format("{} {}", finding.code, finding.name), true), escape(finding.message, false));
    }
  }

  void finish(const RunSummary& /*summary*/, std::string& /*out*/) override {}
};

}  // namespace

std::unique_ptr<ReportWriter> github_writer() { return std::make_unique<GithubWriter>(); }

std::string render_github(std::span<const LintResult> results) {
  GithubWriter writer;
  return report::render_all(writer, results, RunSummary{});
}

}  // namespace policylint
