#pragma once
// What a run is asked to do: the options every layer may read (analyses
// judge time conditions on `as_of`, rules read their rule options), the rule
// selection, and the parsing of option values given as text. The command
// line, the configuration file and the C API all read their values through
// the functions here, so each value has one meaning and one set of messages.
#include "policylint/export.hpp"
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policylint/document.hpp"
#include "policylint/finding.hpp"
#include "policylint/policy_type.hpp"
#include "policylint/rules.hpp"

namespace policylint {

/// Size quotas per policy type, in characters. IAM counts characters other
/// than whitespace; SCPs, RCPs and VPC endpoint policies count every
/// character. Quotas change: all are configurable.
struct SizeLimits {
  std::size_t identity = 6144;   ///< managed policy
  std::size_t resource = 20480;  ///< S3 bucket policy (the largest common one)
  std::size_t trust = 2048;      ///< default; raisable to 4096
  std::size_t scp = 10240;       ///< raised from 5120 in 2026
  std::size_t rcp = 5120;
  std::size_t boundary = 6144;
  std::size_t session = 2048;
  std::size_t endpoint = 20480;

  POLICYLINT_API std::size_t for_type(PolicyType type) const noexcept;
};

/// Whether a policy type's quota counts whitespace too.
POLICYLINT_API bool size_counts_whitespace(PolicyType type) noexcept;

/// Thresholds of the credential report rules (PL5xx, policylint/hygiene.hpp).
struct HygieneOptions {
  /// Root used (password or key) within this many days counts as daily use.
  unsigned root_recent_use_days = 30;
  /// An active access key created more than this many days ago is due for
  /// rotation (AWS Config `access-keys-rotated`, maxAccessKeyAge).
  unsigned max_access_key_age_days = 90;
  /// A password or active key unused for more than this many days is unused
  /// (AWS Config `iam-user-unused-credentials-check`, maxCredentialUsageAge).
  unsigned max_unused_days = 90;
};

struct LintOptions {
  /// Lint as this type; when empty the type is detected per document.
  std::optional<PolicyType> policy_type;
  /// Rules to run (codes, names, code prefixes such as "PL1", or categories);
  /// empty means all.
  std::vector<std::string> select;
  /// Rules not to run, in the same forms as `select`.
  std::vector<std::string> ignore;
  /// Severity overrides by rule code or name.
  std::map<std::string, Severity, std::less<>> severity_overrides;
  SizeLimits size_limits;
  ParseLimits parse_limits;
  /// The organisation requires MFA for sensitive access: rules that check for
  /// MFA conditions report its absence.
  bool require_mfa = false;
  /// Check SCPs against the grammar AWS Organizations enforced before
  /// September 2025 (no Condition, NotAction or specific Resource in Allow, no
  /// NotResource, action wildcards only at the end).
  bool legacy_scp = false;
  /// Rule options by name (e.g. "trusted-accounts", "sensitive-actions"),
  /// each a list of strings; the names are listed by known_rule_options().
  std::map<std::string, std::vector<std::string>, std::less<>> rule_options;
  /// The day time conditions (aws:CurrentTime, aws:EpochTime,
  /// aws:TokenIssueTime) are judged on; empty means the run date (UTC).
  std::optional<std::chrono::sys_days> as_of;
  /// Credential report thresholds; the report is judged on `as_of` too.
  HygieneOptions hygiene;
};

/// Which rules run: every rule `select` names (every rule when it names
/// none), less those `ignore` names. A selector is a rule code, name, code
/// prefix ("PL1") or category, in any case.
class POLICYLINT_API RuleSelection {
 public:
  RuleSelection() = default;
  RuleSelection(std::vector<std::string> select, std::vector<std::string> ignore);

  /// True when the selection runs this rule.
  bool selects(const RuleInfo& rule) const noexcept;

 private:
  std::vector<std::string> select_;
  std::vector<std::string> ignore_;
};

/// True when `selector` (a rule code, name, code prefix or category) names
/// this rule.
POLICYLINT_API bool selector_matches(std::string_view selector, const RuleInfo& rule) noexcept;

/// True when `selector` names at least one rule: a selector that names none
/// is a typo.
POLICYLINT_API bool selects_any_rule(std::string_view selector);

/// Reads `YYYY-MM-DD` (as given to --as-of); nullopt for anything else.
POLICYLINT_API std::optional<std::chrono::sys_days> parse_date(std::string_view text) noexcept;

}  // namespace policylint
