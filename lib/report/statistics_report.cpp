// --statistics: how many findings each rule produced.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "policylint/report.hpp"

namespace policylint {

std::string render_statistics(std::span<const LintResult> results, const RunSummary& summary) {
  struct Count {
    const Finding* example = nullptr;  ///< the rule's identity, from its first finding
    std::size_t count = 0;
  };
  std::map<std::string_view, Count> by_code;
  for (const LintResult& result : results) {
    for (const Finding& finding : result.findings) {
      Count& count = by_code[finding.code];
      count.example = count.example != nullptr ? count.example : &finding;
      ++count.count;
    }
  }
  std::vector<Count> rows;
  for (const auto& entry : by_code) {
    rows.push_back(entry.second);
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Count& a, const Count& b) { return a.count > b.count; });
  std::string out;
  for (const Count& row : rows) {
    fmt::format_to(std::back_inserter(out), "{:>6}  {:<6} {:<32} {}\n", row.count, row.example->code,
                   row.example->name, to_string(row.example->severity));
  }
  TextOptions summary_only;
  summary_only.show_source = false;
  return out + render_text({}, summary, summary_only);
}

}  // namespace policylint
