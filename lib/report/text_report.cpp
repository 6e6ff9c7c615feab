#include <fmt/format.h>

#include "policylint/report.hpp"

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

// Leading part of `line` up to `columns` code points, with every character
// but tabs blanked, so a caret printed after it lands under the right place.
std::string caret_padding(std::string_view line, std::uint32_t columns) {
  std::string out;
  std::uint32_t seen = 0;
  for (const char c : line) {
    if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) {
      continue;
    }
    if (seen + 1 >= columns) {
      break;
    }
    out.push_back(c == '\t' ? '\t' : ' ');
    ++seen;
  }
  return out;
}

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
  fmt::format_to(std::back_inserter(out), "  {}|{} {}\n", p.dim, p.reset, line);
  fmt::format_to(std::back_inserter(out), "  {}|{} {}{}{}{}\n", p.dim, p.reset, caret_padding(line, begin),
                 severity_color(p, finding.severity), std::string(width, '^'), p.reset);
}

}  // namespace

std::string render_text(std::span<const LintResult> results, const RunSummary& summary, const TextOptions& options) {
  const Palette& p = options.color ? kColors : kPlain;
  std::string out;
  for (const LintResult& result : results) {
    for (const Finding& finding : result.findings) {
      fmt::format_to(std::back_inserter(out), "{}{}:{}:{}:{} {}{}{}: {} {}[{} {}]{}\n", p.bold, finding.file,
                     finding.range.begin.line, finding.range.begin.column, p.reset,
                     severity_color(p, finding.severity), to_string(finding.severity), p.reset, finding.message,
                     p.dim, finding.code, finding.name, p.reset);
      if (options.show_source && result.source) {
        append_source_excerpt(out, finding, *result.source, p);
      }
    }
  }
  if (options.show_summary) {
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
    fmt::format_to(std::back_inserter(out), "{}\n", p.reset);
  }
  return out;
}

}  // namespace policylint
