#include "file_scan.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <memory>

#include "input_file.hpp"
#include "policylint/hygiene.hpp"

namespace policylint::cli {
namespace {

/// A file's bytes, shared with the parsed document and the result rather
/// than copied into them.
struct Source {
  std::shared_ptr<const std::string> bytes;
  bool over_limit = false;          ///< larger than the parse limit: `bytes` is its start
  std::optional<std::size_t> size;  ///< the file's size, when it has one
};

struct Scanner {
  bool (*wants)(const InputFile& file, const ScanSettings& settings);
  /// Reports on the file's bytes, `source`, into `report`.
  void (*scan)(const InputFile& file, const Source& source, const Linter& linter, const ScanSettings& settings,
               FileReport& report);
};

// A walk meets many JSON files that are not policies (package.json, tsconfig,
// fixtures). Lint those that are policies; and of the ones that are not even
// JSON, those that mention "Statement", so that a broken policy is reported
// rather than silently skipped while a pile of broken unrelated JSON is not.
bool worth_linting(const Document& document) {
  if (looks_like_policy(document)) {
    return true;
  }
  const bool json_but_not_object =
      std::any_of(document.issues.begin(), document.issues.end(),
                  [](const SyntaxIssue& issue) { return issue.kind == SyntaxIssueKind::not_an_object; });
  return !document.policy && !json_but_not_object && document.source->find("\"Statement\"") != std::string::npos;
}

bool policy_scanner_wants(const InputFile& file, const ScanSettings& settings) {
  return file.origin != Origin::walked || settings.filter == nullptr || settings.filter->included(file);
}

// Only the start of a file over the limit is read; the parser's message
// would give that start's size as the file's.
void describe_size(Document& document, const Source& source, std::size_t limit) {
  for (SyntaxIssue& issue : document.issues) {
    if (issue.kind == SyntaxIssueKind::too_large) {
      issue.detail = source.size ? "the input is " + std::to_string(*source.size) + " bytes, more than the limit of " +
                                       std::to_string(limit)
                                 : "the input is more than the limit of " + std::to_string(limit) +
                                       " bytes (reading stopped there)";
    }
  }
}

void scan_policy(const InputFile& file, const Source& source, const Linter& linter, const ScanSettings& settings,
                 FileReport& report) {
  if (!source.over_limit && looks_like_credential_report(*source.bytes)) {
    return;  // the credential report scanner's
  }
  const ParseLimits& limits = linter.options().parse_limits;
  Document document = parse_document(file.display, source.bytes, limits);
  if (source.over_limit) {
    describe_size(document, source, limits.max_bytes);
  }
  const bool detect = file.origin != Origin::named || settings.policies_only;
  if (detect && !worth_linting(document)) {
    report.skipped = true;
    return;
  }
  report.result = linter.lint(std::move(document));
}

// IAM credential reports (aws iam get-credential-report) are CSV: a walk
// looks at *.csv files, and a named file is checked by its header.
bool credential_report_scanner_wants(const InputFile& file, const ScanSettings&) {
  return file.origin == Origin::named || std::filesystem::path(file.path).extension() == ".csv";
}

void scan_credential_report(const InputFile& file, const Source& source, const Linter& linter, const ScanSettings&,
                            FileReport& report) {
  // One over the limit is reported by the policy scanner, as any input that size.
  if (!source.over_limit && looks_like_credential_report(*source.bytes)) {
    report.result = lint_credential_report(linter, file.display, *source.bytes);
  }
}

bool secret_scanner_wants(const InputFile&, const ScanSettings& settings) { return settings.secrets; }

// Runs last, so that its findings join those of the file's other scanners.
void scan_for_secrets(const InputFile& file, const Source& source, const Linter& linter, const ScanSettings&,
                      FileReport& report) {
  LintResult found = scan_secrets(linter, file.display, *source.bytes);
  if (found.findings.empty()) {
    return;
  }
  if (report.result) {
    merge_secret_scan(*report.result, std::move(found));
  } else {
    report.result = std::move(found);
  }
}

constexpr std::array kScanners = {
    Scanner{policy_scanner_wants, scan_policy},
    Scanner{credential_report_scanner_wants, scan_credential_report},
    Scanner{secret_scanner_wants, scan_for_secrets},
};

}  // namespace

bool wanted(const InputFile& file, const ScanSettings& settings) {
  return std::any_of(kScanners.begin(), kScanners.end(),
                     [&](const Scanner& scanner) { return scanner.wants(file, settings); });
}

FileReport scan_file(const InputFile& file, const Linter& linter, const ScanSettings& settings) {
  FileReport report;
  InputRead read = read_input_file(file.path, linter.options().parse_limits.max_bytes);
  if (!read.error.empty()) {
    report.error = file.display + ": cannot be read: " + read.error;
    return report;
  }
  const Source source{std::make_shared<const std::string>(std::move(read.bytes)), read.over_limit, read.size};
  for (const Scanner& scanner : kScanners) {
    if (scanner.wants(file, settings)) {
      scanner.scan(file, source, linter, settings, report);
    }
  }
  return report;
}

}  // namespace policylint::cli
