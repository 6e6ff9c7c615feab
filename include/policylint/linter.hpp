#pragma once
// Linting a policy document: parse, run the enabled rules, collect findings.
#include "policylint/export.hpp"
#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policylint/document.hpp"
#include "policylint/finding.hpp"
#include "policylint/options.hpp"
#include "policylint/policy_type.hpp"
#include "policylint/rules.hpp"

namespace policylint {

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

/// The outcome of linting one input.
struct LintResult {
  std::string file;
  std::shared_ptr<const std::string> source;
  /// The policy's place inside its input when the input holds several
  /// (a template: "DeployRole.Policies[0]"); empty when the input is the policy.
  std::string subject;
  /// Which of its input's documents this is, from 0: reports count an input
  /// once, at its first document.
  std::size_t document_index = 0;
  PolicyType policy_type = PolicyType::identity;
  bool policy_type_detected = false;  ///< false when given by the options
  /// Detected, and the text fits other types as well (PolicyTypeGuess): the
  /// type was assumed, and the user should name it.
  bool policy_type_ambiguous = false;
  /// What the detection rested on, e.g. "a Principal and an allowed
  /// sts:AssumeRole* action" (a static string); empty when not detected.
  std::string_view policy_type_basis;
  bool parsed = false;  ///< a policy model could be built
  std::vector<Finding> findings;  ///< ordered by position, then code
  /// The counts of a credential report (lint_credential_report); absent for
  /// any other input.
  std::optional<CredentialReportSummary> credential_report;
};

/// Runs the rules. A Linter is immutable once built and may be used from many
/// threads at once.
class POLICYLINT_API Linter {
 public:
  explicit Linter(LintOptions options = {});

  /// Lints `bytes` under the display name `name`.
  LintResult lint(std::string name, std::string bytes) const;
  /// Lints an already parsed document; the result shares its source.
  LintResult lint(const Document& document) const;

  const LintOptions& options() const noexcept { return options_; }
  /// The rules the options' select and ignore lists run.
  const RuleSelection& selection() const noexcept { return selection_; }

 private:
  LintOptions options_;
  RuleSelection selection_;
};

/// True when a finding is at or above `threshold`.
inline bool at_least(const Finding& finding, Severity threshold) noexcept {
  return finding.severity >= threshold;
}

}  // namespace policylint
