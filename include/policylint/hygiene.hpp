#pragma once
// Account hygiene offline: the IAM credential report (the CSV from
// `aws iam get-credential-report`) and AWS access keys written into files.
// Both produce ordinary findings (rules PL5xx), so select/ignore, severity
// overrides, report formats and exit codes work as for policies.
#include "policylint/export.hpp"
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "policylint/linter.hpp"

namespace policylint {

/// Reads `YYYY-MM-DD` (as given to --as-of); nullopt for anything else.
POLICYLINT_API std::optional<std::chrono::sys_days> parse_date(std::string_view text) noexcept;

/// True when the text starts with a credential report header:
/// `user,arn,user_creation_time` (a UTF-8 byte order mark is allowed).
POLICYLINT_API bool looks_like_credential_report(std::string_view bytes) noexcept;

/// False for binary content: a NUL byte among the first 8,000 bytes (the
/// heuristic git uses). Secret scans read binary files too.
POLICYLINT_API bool looks_like_text(std::string_view bytes) noexcept;

/// Checks a credential report with the rules whose input is a credential
/// report, using the linter's `hygiene` thresholds and judging it on its
/// `as_of` day (default: the run date). Columns are found by header name; a
/// malformed report or row is a finding (PL500), never an exception.
POLICYLINT_API LintResult lint_credential_report(const Linter& linter, std::string name, std::string bytes);

/// Looks for AWS access key ids and secret access keys in any text. Every
/// secret is masked (first and last 4 characters kept) in messages and
/// subjects, and the result's source is a masked copy of the text, so no
/// report format can print a secret. Binary content is scanned as well.
POLICYLINT_API LintResult scan_secrets(const Linter& linter, std::string name, std::string_view bytes);

/// Adds a secret scan of a file to another result for the same file (say,
/// its policy lint): the findings are merged in position order, and the
/// source becomes the scan's masked copy (same length, so every position
/// stays valid), so that no report prints the secrets.
POLICYLINT_API void merge_secret_scan(LintResult& result, LintResult secrets);

/// Counts for a human glance at a credential report (the root row excluded).
struct CredentialReportSummary {
  std::size_t users = 0;
  std::size_t users_with_mfa = 0;
  std::size_t users_with_password = 0;
  std::size_t passwords_without_mfa = 0;
  std::size_t active_access_keys = 0;
  std::size_t access_keys_older_than_limit = 0;  ///< active keys rotated more than max_access_key_age_days ago
  unsigned max_access_key_age_days = 0;
  bool root_found = false;
  bool root_mfa_active = false;
};

/// The counts for a credential report under `options` (its hygiene
/// thresholds and as_of day), or nullopt when the text has no credential
/// report header.
POLICYLINT_API std::optional<CredentialReportSummary> summarize_credential_report(std::string_view bytes,
                                                                                 const LintOptions& options);

/// A small table of those counts, for the end of text output.
POLICYLINT_API std::string render_credential_report_summary(std::string_view file,
                                                            const CredentialReportSummary& summary);

}  // namespace policylint
