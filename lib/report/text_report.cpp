#include <fmt/compile.h>
#include <fmt/format.h>

#include "policylint/report.hpp"
#include "report/masking.hpp"
#include "report/render_all.hpp"
#include "report/safe_text.hpp"

namespace policylint {
namespace {

struct Palette {
  std::string_view bold, dim, reset, red, magenta, yellow, cyan;
};

constexpr Palette kColors{"\x1b[1m", "\x1b[2m", "\x1b[0m", "\x1b[31m", "\x1b[35m", "\x1b[33m", "\x1b[36m"};
constexpr Palette kPlain{"", "", "", "", "", "", ""};

std::string_view severity_color(const Palette& p, Severity severity) {
  switch (severity) {
    case Severity::error: return p.red;
    case Severity::security: return p.magenta;
    case Severity::warning: return p.yellow;
    case Severity::suggestion: return p.cyan;
  }
  return p.reset;
}

// The text of the line holding `offset`, without its line break.
std::string_view line_at(std::string_view source, std::size_t offset) {
  offset = std::min(offset, source.size());
  std::size_t begin = offset;
  while (begin > 0 && source[begin - 1] != '\n') {
    --begin;
  }
  std::size_t end = source.find('\n', offset);
  if (end == std::string_view::npos) {
    end = source.size();
  }
  if (end > begin && source[end - 1] == '\r') {
    --end;
  }
  return source.substr(begin, end - begin);
}

// The line holding the finding's start, escaped, with carets under the
// finding's columns of it (or under its first one when it spans lines).
void append_source_excerpt(std::string& out, const Finding& finding, std::string_view source, const Palette& p) {
  const std::string_view line = line_at(source, finding.range.begin.offset);
  if (line.size() > 400) {
    return;  // minified JSON: a caret under a huge line helps nobody
  }
  const std::uint32_t begin = finding.range.begin.column;
  std::uint32_t width = 1;
  if (finding.range.end.line == finding.range.begin.line && finding.range.end.column > begin) {
    width = finding.range.end.column - begin;
  }
  const report::ShownLine shown = report::show_line(line, begin, width);
  fmt::format_to(std::back_inserter(out), FMT_COMPILE("  {}|{} {}\n  {}|{} "), p.dim, p.reset, shown.text, p.dim,
                 p.reset);
  out += shown.padding;
  out += severity_color(p, finding.severity);
  out.append(shown.carets, '^');
  out += p.reset;
  out += '\n';
}

void append_summary_line(std::string& out, const RunSummary& summary, const Palette& p) {
  fmt::format_to(std::back_inserter(out), "{}{} finding{} in {} file{}", p.bold, summary.findings,
                 summary.findings == 1 ? "" : "s", summary.files_linted, summary.files_linted == 1 ? "" : "s");
  if (summary.findings > 0) {
    fmt::format_to(std::back_inserter(out), " ({} error, {} security, {} warning, {} suggestion)",
                   summary.by_severity[static_cast<std::size_t>(Severity::error)],
                   summary.by_severity[static_cast<std::size_t>(Severity::security)],
                   summary.by_severity[static_cast<std::size_t>(Severity::warning)],
                   summary.by_severity[static_cast<std::size_t>(Severity::suggestion)]);
  }
  if (summary.findings_baselined > 0) {
    fmt::format_to(std::back_inserter(out), "; {} more in the baseline", summary.findings_baselined);
  }
  if (summary.files_skipped > 0) {
    fmt::format_to(std::back_inserter(out), "; {} JSON file{} not a policy, skipped", summary.files_skipped,
                   summary.files_skipped == 1 ? "" : "s");
  }
  if (summary.links_skipped > 0) {
    fmt::format_to(std::back_inserter(out), "; {} link{} out of the directory walked, not followed",
                   summary.links_skipped, summary.links_skipped == 1 ? "" : "s");
  }
  fmt::format_to(std::back_inserter(out), "{}\n", p.reset);
  if (summary.policy_types_assumed > 0) {
    fmt::format_to(std::back_inserter(out),
                   "note: {} document{} linted as a policy type {} text does not settle (the JSON report's "
                   "policy_types lists them); name the type in policy-types (.policylint.json) or with --policy-type\n",
                   summary.policy_types_assumed, summary.policy_types_assumed == 1 ? " was" : "s were",
                   summary.policy_types_assumed == 1 ? "its" : "their");
  }
  if (!summary.set_rules_skipped.empty()) {
    fmt::format_to(std::back_inserter(out), "note: {}\n", summary.set_rules_skipped);
  }
}

class TextWriter final : public ReportWriter {
 public:
  explicit TextWriter(const TextOptions& options) : options_(options), p_(options.color ? kColors : kPlain) {}

  void add(const LintResult& result, std::string& out) override {
    std::string file_storage;
    std::string message_storage;
    for (const Finding& finding : result.findings) {
      // File names and messages quote input: escaped, they stay on one line
      // and cannot drive the terminal.
      fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}{}:{}:{}:{} {}{}{}: {} {}[{} {}]{}\n"), p_.bold,
                     report::escaped(finding.file, file_storage), finding.range.begin.line,
                     finding.range.begin.column, p_.reset, severity_color(p_, finding.severity),
                     to_string(finding.severity), p_.reset, report::escaped(finding.message, message_storage), p_.dim,
                     finding.code, finding.name, p_.reset);
      if (options_.show_source && result.source) {
        append_source_excerpt(out, finding, *result.source, p_);
      }
    }
  }

  void finish(const RunSummary& summary, std::string& out) override {
    if (options_.show_summary) {
      append_summary_line(out, summary, p_);
    }
  }

 private:
  TextOptions options_;
  const Palette& p_;
};

}  // namespace

std::unique_ptr<ReportWriter> text_writer(const TextOptions& options) {
  return report::masked(std::make_unique<TextWriter>(options));
}

std::string render_text(std::span<const LintResult> results, const RunSummary& summary, const TextOptions& options) {
  return report::render_all(*text_writer(options), results, summary);
}

}  // namespace policylint
