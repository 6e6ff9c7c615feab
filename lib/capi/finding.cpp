// Reading a finding through the C API: each accessor views the C++ Finding
// that a pl_finding handle points at, without copying. The handles point at
// a result's `shown` findings, whose strings have credentials masked.
#include "capi/capi_support.hpp"
#include "report/masking.hpp"

namespace policylint::capi {

void show_masked(pl_result& result) {
  const std::string_view source = result.lint.source ? std::string_view(*result.lint.source) : std::string_view();
  result.shown = result.lint.findings;
  for (Finding& finding : result.shown) {
    report::mask_finding(finding, source);
  }
  Finding file_only;
  file_only.file = result.lint.file;
  report::mask_finding(file_only, source);
  result.shown_file = std::move(file_only.file);
}

}  // namespace policylint::capi

namespace {

// pl_finding is never defined: a handle is a policylint::Finding in disguise.
const policylint::Finding* unwrap(const pl_finding* finding) noexcept {
  return reinterpret_cast<const policylint::Finding*>(finding);
}

// Rule codes and names, and category names, are string literals (in the rule
// definitions and the category table), hence NUL-terminated.
const char* literal(std::string_view text) noexcept { return text.data(); }

const policylint::RelatedLocation* related(const pl_finding* finding, size_t index) noexcept {
  if (finding == nullptr || index >= unwrap(finding)->related.size()) {
    return nullptr;
  }
  return &unwrap(finding)->related[index];
}

}  // namespace

extern "C" {

const char* pl_finding_code(const pl_finding* f) { return f ? literal(unwrap(f)->code) : nullptr; }
const char* pl_finding_name(const pl_finding* f) { return f ? literal(unwrap(f)->name) : nullptr; }
int pl_finding_severity(const pl_finding* f) { return f ? static_cast<int>(unwrap(f)->severity) : -1; }
const char* pl_finding_category(const pl_finding* f) {
  return f ? literal(policylint::to_string(unwrap(f)->category)) : nullptr;
}
const char* pl_finding_message(const pl_finding* f) { return f ? unwrap(f)->message.c_str() : nullptr; }
const char* pl_finding_file(const pl_finding* f) { return f ? unwrap(f)->file.c_str() : nullptr; }
uint32_t pl_finding_line(const pl_finding* f) { return f ? unwrap(f)->range.begin.line : 0; }
uint32_t pl_finding_column(const pl_finding* f) { return f ? unwrap(f)->range.begin.column : 0; }
uint32_t pl_finding_end_line(const pl_finding* f) { return f ? unwrap(f)->range.end.line : 0; }
uint32_t pl_finding_end_column(const pl_finding* f) { return f ? unwrap(f)->range.end.column : 0; }
uint32_t pl_finding_offset(const pl_finding* f) { return f ? unwrap(f)->range.begin.offset : 0; }
uint32_t pl_finding_end_offset(const pl_finding* f) { return f ? unwrap(f)->range.end.offset : 0; }
int64_t pl_finding_statement(const pl_finding* f) {
  if (f == nullptr || !unwrap(f)->statement_index) {
    return -1;
  }
  return static_cast<int64_t>(*unwrap(f)->statement_index);
}
const char* pl_finding_sid(const pl_finding* f) { return f ? unwrap(f)->sid.c_str() : nullptr; }

size_t pl_finding_related_count(const pl_finding* f) { return f ? unwrap(f)->related.size() : 0; }
const char* pl_finding_related_file(const pl_finding* f, size_t index) {
  const policylint::RelatedLocation* location = related(f, index);
  if (location == nullptr) {
    return nullptr;
  }
  return location->file.empty() ? unwrap(f)->file.c_str() : location->file.c_str();
}
const char* pl_finding_related_message(const pl_finding* f, size_t index) {
  const policylint::RelatedLocation* location = related(f, index);
  return location ? location->message.c_str() : nullptr;
}
uint32_t pl_finding_related_line(const pl_finding* f, size_t index) {
  const policylint::RelatedLocation* location = related(f, index);
  return location ? location->range.begin.line : 0;
}
uint32_t pl_finding_related_column(const pl_finding* f, size_t index) {
  const policylint::RelatedLocation* location = related(f, index);
  return location ? location->range.begin.column : 0;
}

}  // extern "C"
