#include "hygiene/credential_report.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <string>

#include "text/text.hpp"
#include "hygiene/secret_scan.hpp"
#include "text/timestamp.hpp"

namespace policylint::hygiene {
namespace {

// The columns AWS writes, in its order. Cells are found by name, so a report
// with reordered columns reads the same.
enum Column : std::size_t {
  user, arn, user_creation_time, password_enabled, password_last_used, password_last_changed,
  password_next_rotation, mfa_active,
  access_key_1_active, access_key_1_last_rotated, access_key_1_last_used_date, access_key_1_last_used_region,
  access_key_1_last_used_service,
  access_key_2_active, access_key_2_last_rotated, access_key_2_last_used_date, access_key_2_last_used_region,
  access_key_2_last_used_service,
  cert_1_active, cert_1_last_rotated, cert_2_active, cert_2_last_rotated,
  column_count,
};

constexpr std::array<std::string_view, column_count> kColumnNames = {
    "user", "arn", "user_creation_time", "password_enabled", "password_last_used", "password_last_changed",
    "password_next_rotation", "mfa_active",
    "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
    "access_key_1_last_used_region", "access_key_1_last_used_service",
    "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
    "access_key_2_last_used_region", "access_key_2_last_used_service",
    "cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated",
};

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// AWS writes these where a value does not apply or is not known; they are
// never dates or flags.
bool is_sentinel(std::string_view value) noexcept {
  return value.empty() || equal_ignoring_case(value, "N/A") || equal_ignoring_case(value, "not_supported") ||
         equal_ignoring_case(value, "no_information");
}

using ColumnIndex = std::array<std::optional<std::size_t>, column_count>;

class ReportReader {
 public:
  explicit ReportReader(std::string_view text) { report_.table = read_csv(text); }

  CredentialReport read() {
    if (report_.table.rows.empty()) {
      problem(SourceRange{}, "the file is empty; expected the CSV from `aws iam get-credential-report`");
    } else if (read_header(report_.table.rows.front())) {
      // Quoting problems matter only in a report; any other file gets the
      // one finding that says it is not a report.
      report_.problems.insert(report_.problems.end(), report_.table.problems.begin(), report_.table.problems.end());
      for (std::size_t i = 1; i < report_.table.rows.size(); ++i) {
        read_row(report_.table.rows[i]);
      }
    }
    std::stable_sort(report_.problems.begin(), report_.problems.end(),
                     [](const CsvProblem& a, const CsvProblem& b) { return a.range.begin.offset < b.range.begin.offset; });
    return std::move(report_);
  }

 private:
  void problem(SourceRange range, std::string message) { report_.problems.push_back({range, std::move(message)}); }

  // Maps column names to positions; false when this is no credential report.
  bool read_header(const CsvRow& header) {
    header_width_ = header.cells.size();
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
      std::string_view name = header.cells[i].value;
      if (i == 0 && name.starts_with(kByteOrderMark)) {
        name.remove_prefix(kByteOrderMark.size());
      }
      const auto known = std::find_if(kColumnNames.begin(), kColumnNames.end(),
                                      [&](std::string_view column) { return equal_ignoring_case(column, name); });
      if (known == kColumnNames.end()) {
        continue;  // a column added by a later AWS version
      }
      std::optional<std::size_t>& slot = columns_[static_cast<std::size_t>(known - kColumnNames.begin())];
      if (slot) {
        problem(header.cells[i].range, "the column '" + mask_value(name) + "' appears twice in the header");
        continue;
      }
      slot = i;
    }
    if (!columns_[user]) {
      problem(header.range,
              "not a credential report: the header has no 'user' column (expected the CSV from "
              "`aws iam get-credential-report`, whose header starts user,arn,user_creation_time)");
      return false;
    }
    report_.recognised = true;
    std::string missing;
    for (std::size_t column = 0; column < column_count; ++column) {
      if (!columns_[column]) {
        missing += (missing.empty() ? "" : ", ") + std::string(kColumnNames[column]);
      }
    }
    if (!missing.empty()) {
      problem(header.range, "the header lacks the column(s) " + missing +
                                "; the checks that need them are skipped (export the full report)");
    }
    return true;
  }

  const CsvCell* cell(const CsvRow& row, Column column) const noexcept {
    return columns_[column] ? &row.cells[*columns_[column]] : nullptr;
  }

  Flag flag(const CsvRow& row, Column column) {
    Flag out{cell(row, column), std::nullopt};
    if (out.cell == nullptr || is_sentinel(out.cell->value)) {
      return out;
    }
    if (equal_ignoring_case(out.cell->value, "true")) {
      out.value = true;
    } else if (equal_ignoring_case(out.cell->value, "false")) {
      out.value = false;
    } else {
      problem(out.cell->range, "'" + mask_value(out.cell->value) + "' in column " + std::string(kColumnNames[column]) +
                                   " is not true or false");
    }
    return out;
  }

  When when(const CsvRow& row, Column column) {
    When out{cell(row, column), std::nullopt};
    if (out.cell == nullptr) {
      return out;
    }
    if (is_sentinel(out.cell->value)) {
      out.sentinel = true;
      return out;
    }
    out.day = parse_timestamp_day(out.cell->value);
    if (!out.day) {
      problem(out.cell->range, "'" + mask_value(out.cell->value) + "' in column " + std::string(kColumnNames[column]) +
                                   " is neither an ISO 8601 timestamp nor N/A, not_supported or no_information");
    }
    return out;
  }

  void read_row(const CsvRow& row) {
    if (row.cells.size() != header_width_) {
      problem(row.range, "this row has " + std::to_string(row.cells.size()) + " field(s) but the header has " +
                             std::to_string(header_width_) + "; the row is not checked (is a comma unquoted?)");
      return;
    }
    CredentialUser& u = report_.users.emplace_back();
    u.row = &row;
    u.name = cell(row, user)->value;
    const CsvCell* arn_cell = cell(row, arn);
    u.root = u.name == "<root_account>" || (arn_cell != nullptr && arn_cell->value.ends_with(":root"));
    u.created = when(row, user_creation_time);
    u.password_enabled = flag(row, password_enabled);
    u.password_last_used = when(row, password_last_used);
    u.password_last_changed = when(row, password_last_changed);
    when(row, password_next_rotation);  // checked for well-formedness only
    u.mfa_active = flag(row, mfa_active);
    u.access_keys[0] = {1, flag(row, access_key_1_active), when(row, access_key_1_last_rotated),
                        when(row, access_key_1_last_used_date)};
    u.access_keys[1] = {2, flag(row, access_key_2_active), when(row, access_key_2_last_rotated),
                        when(row, access_key_2_last_used_date)};
    u.certificates[0] = {1, flag(row, cert_1_active), when(row, cert_1_last_rotated)};
    u.certificates[1] = {2, flag(row, cert_2_active), when(row, cert_2_last_rotated)};
  }

  CredentialReport report_;
  ColumnIndex columns_;
  std::size_t header_width_ = 0;
};

}  // namespace

CredentialReport read_credential_report(std::string_view text) { return ReportReader(text).read(); }

std::string describe(const CredentialUser& user) {
  return user.root ? std::string("the root user") : "user '" + std::string(user.name) + "'";
}

std::string format_day(std::chrono::sys_days day) {
  const std::chrono::year_month_day date{day};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

std::string column_prefix(const AccessKey& key) { return "access_key_" + std::to_string(key.number); }

std::string column_prefix(const SigningCertificate& certificate) {
  return "cert_" + std::to_string(certificate.number);
}

bool looks_like_credential_report(std::string_view bytes) noexcept {
  if (bytes.starts_with(kByteOrderMark)) {
    bytes.remove_prefix(kByteOrderMark.size());
  }
  return bytes.starts_with("user,arn,user_creation_time");
}

}  // namespace policylint::hygiene
