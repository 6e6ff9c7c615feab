#include "engine/source_readers.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <memory>

#include "engine/rule_runner.hpp"
#include "hygiene/credential_report.hpp"
#include "policylint/hygiene.hpp"

namespace policylint::engine {
namespace {

/// A source reader: takes an input by its content, and reports on it.
struct SourceReader {
  /// Whether the reader may take the input, judged before reading it.
  bool (*wants)(const WorkspaceInput& input);
  /// Reports on the input's bytes, `source`, into `outcome`.
  void (*read)(const WorkspaceInput& input, const std::shared_ptr<const std::string>& source, const Linter& linter,
               InputOutcome& outcome);
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

bool policy_reader_wants(const WorkspaceInput& input) { return input.readers.policy; }

// The set-level rules judge the SCPs of a run together.
bool judged_as_a_set(const LintResult& result) { return result.parsed && result.policy_type == PolicyType::scp; }

void read_policy(const WorkspaceInput& input, const std::shared_ptr<const std::string>& source, const Linter& linter,
                 InputOutcome& outcome) {
  if (hygiene::looks_like_credential_report(*source)) {
    return;  // the credential report reader's
  }
  Document document = parse_document(input.name, source, linter.options().parse_limits);
  if (input.context_only) {
    if (document.policy && linter.options().policy_type == PolicyType::scp) {
      outcome.set_member = std::move(document);
    }
    return;
  }
  if (input.readers.policies_only && !worth_linting(document)) {
    outcome.skipped = true;
    return;
  }
  outcome.result = linter.lint(document);
  if (judged_as_a_set(*outcome.result)) {
    outcome.set_member = std::move(document);
  }
}

bool credential_report_reader_wants(const WorkspaceInput& input) {
  return input.readers.credential_report && !input.context_only;
}

void read_credential_report(const WorkspaceInput& input, const std::shared_ptr<const std::string>& source,
                            const Linter& linter, InputOutcome& outcome) {
  if (hygiene::looks_like_credential_report(*source)) {
    outcome.result = lint_credential_report(linter, input.name, source);
  }
}

bool secret_reader_wants(const WorkspaceInput& input) { return input.readers.secrets && !input.context_only; }

// Runs last, so that its findings join those of the input's other readers.
void read_secrets(const WorkspaceInput& input, const std::shared_ptr<const std::string>& source, const Linter& linter,
                  InputOutcome& outcome) {
  LintResult found = scan_secrets(linter, input.name, *source);
  if (found.findings.empty()) {
    return;
  }
  if (outcome.result) {
    merge_secret_scan(*outcome.result, std::move(found));
  } else {
    outcome.result = std::move(found);
  }
}

constexpr std::array kReaders = {
    SourceReader{policy_reader_wants, read_policy},
    SourceReader{credential_report_reader_wants, read_credential_report},
    SourceReader{secret_reader_wants, read_secrets},
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

}  // namespace

std::optional<std::string> read_input_bytes(const std::string& path, std::string& error) {
  if (path.empty()) {
    return read_whole(STDIN_FILENO, error);
  }
  const FileDescriptor input(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (input.fd < 0) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  return read_whole(input.fd, error);
}


bool wanted(const WorkspaceInput& input) noexcept {
  return std::any_of(kReaders.begin(), kReaders.end(), [&](const SourceReader& reader) { return reader.wants(input); });
}

InputOutcome read_and_lint(const WorkspaceInput& input, const Linter& linter) {
  InputOutcome outcome;
  std::shared_ptr<const std::string> source;
  if (input.source == WorkspaceInput::Source::buffer) {
    source = std::make_shared<const std::string>(input.bytes);
  } else {
    std::string error;
    std::optional<std::string> bytes =
        read_input_bytes(input.source == WorkspaceInput::Source::file ? input.path : std::string(), error);
    if (!bytes) {
      outcome.error = input.name + ": cannot be read: " + error;
      return outcome;
    }
    // Shared with the parsed document and the result, not copied into them.
    source = std::make_shared<const std::string>(std::move(*bytes));
  }
  if (input.readers.require_credential_report && !hygiene::looks_like_credential_report(*source)) {
    outcome.error =
        input.name + " is not an IAM credential report (its first line must start with user,arn,user_creation_time)";
    return outcome;
  }
  for (const SourceReader& reader : kReaders) {
    if (reader.wants(input)) {
      reader.read(input, source, linter, outcome);
    }
  }
  return outcome;
}

}  // namespace policylint::engine
