#pragma once
// The typed model of an IAM credential report: one CredentialUser per row,
// each cell found by its header name and read as a flag or a day, with the
// cell kept for its source range. Sentinels (N/A, not_supported,
// no_information) and empty cells are "no value", never dates.
#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hygiene/csv.hpp"
#include "policylint/options.hpp"

namespace policylint::hygiene {

/// A true/false column. `cell` is null when the report has no such column.
struct Flag {
  const CsvCell* cell = nullptr;
  std::optional<bool> value;  ///< absent for sentinels, empty or unreadable cells

  bool is_true() const noexcept { return value == true; }
};

/// A timestamp column, reduced to its UTC day.
struct When {
  const CsvCell* cell = nullptr;
  std::optional<std::chrono::sys_days> day;  ///< absent for sentinels, empty or unreadable cells
  bool sentinel = false;  ///< N/A, not_supported, no_information or empty: "never" or "does not apply"

  /// The cell says there is no such event (e.g. a key never used).
  bool never() const noexcept { return cell != nullptr && sentinel; }

  /// Whole days from `day` to `as_of`; absent when there is no day.
  std::optional<long> days_before(std::chrono::sys_days as_of) const noexcept {
    if (!day) {
      return std::nullopt;
    }
    return static_cast<long>((as_of - *day).count());
  }
};

struct AccessKey {
  int number = 1;  ///< 1 or 2, as in the column names
  Flag active;
  When last_rotated;
  When last_used;
};

struct SigningCertificate {
  int number = 1;
  Flag active;
  When last_rotated;
};

struct CredentialUser {
  const CsvRow* row = nullptr;
  std::string_view name;  ///< the `user` cell; `<root_account>` for root
  bool root = false;
  When created;
  Flag password_enabled;
  When password_last_used;
  When password_last_changed;
  Flag mfa_active;
  std::array<AccessKey, 2> access_keys;
  std::array<SigningCertificate, 2> certificates;
};

/// A parsed report. Users point into `table`, so a report is not copied.
struct CredentialReport {
  CsvTable table;
  bool recognised = false;  ///< the header has a `user` column
  std::vector<CredentialUser> users;  ///< rows that could be read, in file order
  std::vector<CsvProblem> problems;   ///< what makes the report or a row malformed, in file order

  CredentialReport() = default;
  CredentialReport(const CredentialReport&) = delete;
  CredentialReport& operator=(const CredentialReport&) = delete;
  CredentialReport(CredentialReport&&) = default;
  CredentialReport& operator=(CredentialReport&&) = default;
};

/// Reads a credential report. Never throws on bad input: a missing column,
/// a row with the wrong number of fields, or a cell that is neither a value
/// of its type nor a sentinel is a problem.
CredentialReport read_credential_report(std::string_view text);

/// What credential report rules see: the report, the thresholds, and the day
/// it is judged on.
struct CredentialReportInput {
  const CredentialReport& report;
  const HygieneOptions& options;
  std::chrono::sys_days as_of;
};

/// Calls `visit(user, credential)` for every active access key or signing
/// certificate (`credentials` picks which) of the root user's rows.
template <class Credential, class Visit>
void for_each_active_root_credential(const CredentialReport& report,
                                     std::array<Credential, 2> CredentialUser::*credentials, Visit visit) {
  for (const CredentialUser& user : report.users) {
    if (!user.root) {
      continue;
    }
    for (const Credential& credential : user.*credentials) {
      if (credential.active.is_true()) {
        visit(user, credential);
      }
    }
  }
}

/// "the root user" or "user 'alice'", for messages.
std::string describe(const CredentialUser& user);

/// `YYYY-MM-DD`.
std::string format_day(std::chrono::sys_days day);

/// `access_key_1` etc.: how the report names a credential, used in messages
/// and finding subjects.
std::string column_prefix(const AccessKey& key);
std::string column_prefix(const SigningCertificate& certificate);

/// True when the text starts with a credential report header:
/// `user,arn,user_creation_time` (a UTF-8 byte order mark is allowed).
bool looks_like_credential_report(std::string_view bytes) noexcept;

}  // namespace policylint::hygiene
