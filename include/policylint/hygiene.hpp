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

/// Checks a credential report with the rules whose input is a credential
/// report, using the linter's `hygiene` thresholds and judging it on its
/// `as_of` day (default: the run date). Columns are found by header name; a
/// malformed report or row is a finding (PL500), never an exception.
POLICYLINT_API LintResult lint_credential_report(const Linter& linter, std::string name, std::string bytes);

/// Looks for AWS access key ids and secret access keys in any text. Every
/// secret is masked (first and last 4 characters kept) in messages and
/// subjects, and the result's source is a masked copy of the text, so no
/// report format can print a secret. Binary content yields no findings.
POLICYLINT_API LintResult scan_secrets(const Linter& linter, std::string name, std::string_view bytes);

/// Adds a secret scan of a file to another result for the same file (say,
/// its policy lint): the findings are merged in position order, and the
/// source becomes the scan's masked copy (same length, so every position
/// stays valid), so that no report prints the secrets.
POLICYLINT_API void merge_secret_scan(LintResult& result, LintResult secrets);

/// The counts for a credential report under `options` (its hygiene
/// thresholds and as_of day), or nullopt when the text has no credential
/// report header.
POLICYLINT_API std::optional<CredentialReportSummary> summarize_credential_report(std::string_view bytes,
                                                                                 const LintOptions& options);

}  // namespace policylint
