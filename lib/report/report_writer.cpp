#include "policylint/report.hpp"
#include "report/render_all.hpp"

namespace policylint {

ReportWriter::~ReportWriter() = default;

namespace report {

std::string render_all(ReportWriter& writer, std::span<const LintResult> results, const RunSummary& summary) {
  std::string out;
  for (const LintResult& result : results) {
    writer.add(result, out);
  }
  writer.finish(summary, out);
  return out;
}

}  // namespace report
}  // namespace policylint
