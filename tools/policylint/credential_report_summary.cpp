#include "credential_report_summary.hpp"

#include <cstdio>
#include <string_view>

#include "policylint/safe_text.hpp"

namespace policylint::cli {
namespace {

// One row: the label left-aligned in 34 columns, the value right-aligned in 8.
void add_row(std::string& out, std::string_view label, std::string_view value) {
  char line[128];
  std::snprintf(line, sizeof line, "  %-34.*s%8.*s\n", static_cast<int>(label.size()), label.data(),
                static_cast<int>(value.size()), value.data());
  out += line;
}

void add_row(std::string& out, std::string_view label, std::size_t count) {
  add_row(out, label, std::to_string(count));
}

}  // namespace

std::optional<std::string> credential_report_table(const LintResult& result) {
  if (!result.credential_report) {
    return std::nullopt;
  }
  const CredentialReportSummary& summary = *result.credential_report;
  std::string out = "Credential report " + printable(result.file) + "\n";
  add_row(out, "IAM users checked", summary.users);
  add_row(out, "  with MFA", summary.users_with_mfa);
  add_row(out, "  with a console password", summary.users_with_password);
  add_row(out, "  with a console password, no MFA", summary.passwords_without_mfa);
  add_row(out, "active access keys", summary.active_access_keys);
  add_row(out, "  older than " + std::to_string(summary.max_access_key_age_days) + " days",
          summary.access_keys_older_than_limit);
  add_row(out, "root user MFA", !summary.root_found ? "no row" : summary.root_mfa_active ? "active" : "NOT ACTIVE");
  return out;
}

}  // namespace policylint::cli
