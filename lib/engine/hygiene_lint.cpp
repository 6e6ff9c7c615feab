// The public entry points of the hygiene layer: they build the model the
// PL5xx rules look at and run those rules through the common engine.
#include <algorithm>
#include <chrono>
#include <iterator>

#include "hygiene/credential_report.hpp"
#include "hygiene/secret_scan.hpp"
#include "policylint/hygiene.hpp"
#include "engine/rule_runner.hpp"

namespace policylint {
namespace {

std::chrono::sys_days judging_day(const LintOptions& options) {
  return options.as_of.value_or(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

// The counts of a recognised report.
CredentialReportSummary summary_of(const hygiene::CredentialReport& report, const LintOptions& options) {
  const std::chrono::sys_days as_of = judging_day(options);
  CredentialReportSummary summary;
  const unsigned age_limit = options.hygiene.max_access_key_age_days;
  summary.max_access_key_age_days = age_limit;
  for (const hygiene::CredentialUser& user : report.users) {
    if (user.root) {
      summary.root_found = true;
      summary.root_mfa_active = user.mfa_active.is_true();
      continue;
    }
    ++summary.users;
    summary.users_with_mfa += user.mfa_active.is_true() ? 1 : 0;
    summary.users_with_password += user.password_enabled.is_true() ? 1 : 0;
    summary.passwords_without_mfa += user.password_enabled.is_true() && !user.mfa_active.is_true() ? 1 : 0;
    for (const hygiene::AccessKey& key : user.access_keys) {
      if (!key.active.is_true()) {
        continue;
      }
      ++summary.active_access_keys;
      const auto age = key.last_rotated.days_before(as_of);
      summary.access_keys_older_than_limit += age && *age > age_limit ? 1 : 0;
    }
  }
  return summary;
}

}  // namespace

LintResult engine::lint_credential_report(const Linter& linter, std::string name,
                                          std::shared_ptr<const std::string> source) {
  Document document;
  document.name = std::move(name);
  document.source = std::move(source);
  const hygiene::CredentialReport report = hygiene::read_credential_report(*document.source);
  const hygiene::CredentialReportInput input{report, linter.options().hygiene, judging_day(linter.options())};

  LintResult result;
  result.file = document.name;
  result.source = document.source;
  result.parsed = report.recognised;
  if (report.recognised) {
    result.credential_report = summary_of(report, linter.options());
  }
  rules::CredentialReportContext context(document, input, linter.options(), result.findings);
  engine::run_rules(linter, context, result.findings);
  return result;
}

LintResult lint_credential_report(const Linter& linter, std::string name, std::string bytes) {
  return engine::lint_credential_report(linter, std::move(name), std::make_shared<const std::string>(std::move(bytes)));
}

LintResult scan_secrets(const Linter& linter, std::string name, std::string_view bytes) {
  LintResult result;
  result.file = name;
  result.parsed = hygiene::looks_like_text(bytes);
  // Binary files are scanned too: a key compiled into a program is as leaked
  // as one in a script, and a NUL byte is easily added to hide one.
  if (!engine::any_rule_selected(linter, rules::RuleInput::text)) {
    return result;
  }
  const hygiene::SecretScan scan = hygiene::scan_text_for_secrets(bytes);
  if (scan.matches.empty()) {
    return result;
  }
  Document document;
  document.name = std::move(name);
  rules::TextContext context(document, scan, linter.options(), result.findings);
  engine::run_rules(linter, context, result.findings);
  // Report formats print source lines: give them the text with every secret
  // masked, never the original.
  result.source = std::make_shared<const std::string>(hygiene::masked_copy(bytes, scan));
  return result;
}

void merge_secret_scan(LintResult& result, LintResult secrets) {
  if (secrets.findings.empty()) {
    return;
  }
  std::vector<Finding> merged;
  merged.reserve(result.findings.size() + secrets.findings.size());
  std::merge(std::make_move_iterator(result.findings.begin()), std::make_move_iterator(result.findings.end()),
             std::make_move_iterator(secrets.findings.begin()), std::make_move_iterator(secrets.findings.end()),
             std::back_inserter(merged), reported_before);
  result.findings = std::move(merged);
  result.source = std::move(secrets.source);
}

std::optional<CredentialReportSummary> summarize_credential_report(std::string_view bytes, const LintOptions& options) {
  const hygiene::CredentialReport report = hygiene::read_credential_report(bytes);
  if (!report.recognised) {
    return std::nullopt;
  }
  return summary_of(report, options);
}

}  // namespace policylint
