// --statistics: how many findings each rule produced.
#include <algorithm>
#include <map>
#include <vector>

#include <fmt/format.h>

#include "policylint/report.hpp"
#include "report/masking.hpp"
#include "report/render_all.hpp"

namespace policylint {
namespace {

class StatisticsWriter final : public ReportWriter {
 public:
  void add(const LintResult& result, std::string& /*out*/) override {
    for (const Finding& finding : result.findings) {
      // Codes and names are the rules' own static strings, so they outlive the finding.
      Count& count = by_code_.try_emplace(finding.code, Count{finding.code, finding.name, finding.severity}).first->second;
      ++count.count;
    }
  }

  void finish(const RunSummary& summary, std::string& out) override {
    std::vector<Count> rows;
    for (const auto& entry : by_code_) {
      rows.push_back(entry.second);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Count& a, const Count& b) { return a.count > b.count; });
    for (const Count& row : rows) {
      fmt::format_to(std::back_inserter(out), "{:>6}  {:<6} {:<32} {}\n", row.count, row.code, row.name,
                     to_string(row.severity));
    }
    TextOptions summary_only;
    summary_only.show_source = false;
    text_writer(summary_only)->finish(summary, out);
  }

 private:
  struct Count {
    std::string_view code;
    std::string_view name;
    Severity severity;  ///< of the rule's first finding
    std::size_t count = 0;
  };
  std::map<std::string_view, Count> by_code_;
};

}  // namespace

std::unique_ptr<ReportWriter> statistics_writer() { return report::masked(std::make_unique<StatisticsWriter>()); }

std::string render_statistics(std::span<const LintResult> results, const RunSummary& summary) {
  return report::render_all(*statistics_writer(), results, summary);
}

}  // namespace policylint
