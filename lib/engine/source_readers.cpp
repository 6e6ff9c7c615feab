#include "file_scan.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <memory>

#include "policylint/hygiene.hpp"

namespace policylint::cli {
namespace {

struct Scanner {
  bool (*wants)(const InputFile& file, const ScanSettings& settings);
  /// Reports on the file's bytes, `source`, into `report`.
  void (*scan)(const InputFile& file, const std::shared_ptr<const std::string>& source, const Linter& linter,
               const ScanSettings& settings, FileReport& report);
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

void scan_policy(const InputFile& file, const std::shared_ptr<const std::string>& source, const Linter& linter,
                 const ScanSettings& settings, FileReport& report) {
  if (looks_like_credential_report(*source)) {
    return;  // the credential report scanner's
  }
  Document document = parse_document(file.display, source, linter.options().parse_limits);
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

void scan_credential_report(const InputFile& file, const std::shared_ptr<const std::string>& source,
                            const Linter& linter, const ScanSettings&, FileReport& report) {
  if (looks_like_credential_report(*source)) {
    report.result = lint_credential_report(linter, file.display, *source);
  }
}

bool secret_scanner_wants(const InputFile&, const ScanSettings& settings) { return settings.secrets; }

// Runs last, so that its findings join those of the file's other scanners.
void scan_for_secrets(const InputFile& file, const std::shared_ptr<const std::string>& source, const Linter& linter,
                      const ScanSettings&, FileReport& report) {
  LintResult found = scan_secrets(linter, file.display, *source);
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

/// Closes the file it holds, if any.
struct FileDescriptor {
  explicit FileDescriptor(int descriptor) noexcept : fd(descriptor) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd >= 0) {
      ::close(fd);
    }
  }
  int fd;
};

/// Everything left to read from `fd`. With read rather than a stdio stream: a
/// file is read whole, in one read of its size, without a stream buffer to
/// fill and copy from; a pipe (standard input) has no size and grows the buffer.
std::optional<std::string> read_whole(int fd, std::string& error) {
  struct stat status {};
  std::string bytes;
  bytes.resize(::fstat(fd, &status) == 0 && status.st_size > 0 ? static_cast<std::size_t>(status.st_size) + 1 : 4096);
  std::size_t size = 0;
  while (true) {
    if (size == bytes.size()) {
      bytes.resize(bytes.size() * 2);  // the file grew since fstat, or has no size
    }
    const ::ssize_t got = ::read(fd, bytes.data() + size, bytes.size() - size);
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got < 0) {
      error = std::strerror(errno);
      return std::nullopt;
    }
    if (got == 0) {
      break;
    }
    size += static_cast<std::size_t>(got);
  }
  bytes.resize(size);
  return bytes;
}

std::optional<std::string> read_input(const InputFile& file, std::string& error) {
  if (file.path.empty()) {
    return read_whole(STDIN_FILENO, error);
  }
  const FileDescriptor input(::open(file.path.c_str(), O_RDONLY | O_CLOEXEC));
  if (input.fd < 0) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  return read_whole(input.fd, error);
}

}  // namespace

bool wanted(const InputFile& file, const ScanSettings& settings) {
  return std::any_of(kScanners.begin(), kScanners.end(),
                     [&](const Scanner& scanner) { return scanner.wants(file, settings); });
}

FileReport scan_file(const InputFile& file, const Linter& linter, const ScanSettings& settings) {
  FileReport report;
  std::string error;
  std::optional<std::string> bytes = read_input(file, error);
  if (!bytes) {
    report.error = file.display + ": cannot be read: " + error;
    return report;
  }
  // Shared with the parsed document and the result, not copied into them.
  const auto source = std::make_shared<const std::string>(std::move(*bytes));
  for (const Scanner& scanner : kScanners) {
    if (scanner.wants(file, settings)) {
      scanner.scan(file, source, linter, settings, report);
    }
  }
  return report;
}

}  // namespace policylint::cli
