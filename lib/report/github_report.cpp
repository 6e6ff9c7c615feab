// GitHub Actions workflow commands: each finding becomes an annotation on the
// pull request's diff.
#include <fmt/format.h>

#include "policylint/report.hpp"
#include "report/masking.hpp"
#include "report/render_all.hpp"
#include "report/safe_text.hpp"

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

// Workflow commands end at a line break and split properties at ',' and ':'.
// Control characters are shown as escapes first (so no line break, ESC or
// NUL of the input reaches the log, and no input can start a command of its
// own); then '%' and, in properties, ',' and ':' get the escapes the runner
// decodes.
std::string escape(std::string_view text, bool property) {
  std::string shown;
  std::string out;
  for (const char c : report::escaped(text, shown)) {
    switch (c) {
      case '%': out += "%25"; break;
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

std::unique_ptr<ReportWriter> github_writer() { return report::masked(std::make_unique<GithubWriter>()); }

std::string render_github(std::span<const LintResult> results) {
  return report::render_all(*github_writer(), results, RunSummary{});
}

}  // namespace policylint
