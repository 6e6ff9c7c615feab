#include "report/masking.hpp"

#include <string>
#include <utility>
#include <vector>

#include "hygiene/secret_scan.hpp"

namespace policylint::report {
namespace {

class MaskingWriter final : public ReportWriter {
 public:
  explicit MaskingWriter(std::unique_ptr<ReportWriter> inner) : inner_(std::move(inner)) {}

  void add(const LintResult& result, std::string& out) override {
    const std::size_t start = out.size();
    inner_->add(result, out);
    hygiene::mask_credentials(out, start, result.source ? std::string_view(*result.source) : std::string_view());
  }

  void finish(const RunSummary& summary, std::string& out) override { inner_->finish(summary, out); }

 private:
  std::unique_ptr<ReportWriter> inner_;
};

}  // namespace

std::unique_ptr<ReportWriter> masked(std::unique_ptr<ReportWriter> writer) {
  return std::make_unique<MaskingWriter>(std::move(writer));
}

void mask_finding(Finding& finding, std::string_view source) {
  // Masked together, so that a key id in one field makes a secret in another
  // count as its neighbour; masking keeps lengths, so each field is cut back
  // out where it was.
  std::vector<std::string*> fields = {&finding.message, &finding.file, &finding.sid, &finding.subject};
  for (RelatedLocation& location : finding.related) {
    fields.push_back(&location.message);
  }
  std::string joined;
  for (const std::string* field : fields) {
    joined += *field;
    joined += '\n';
  }
  hygiene::mask_credentials(joined, 0, source);
  std::size_t at = 0;
  for (std::string* field : fields) {
    field->assign(joined, at, field->size());
    at += field->size() + 1;
  }
}

}  // namespace policylint::report
