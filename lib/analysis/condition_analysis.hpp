#pragma once
// What a statement's Condition does to its effect, judged offline: whether it
// can hold at all, always holds, or narrows who or what the statement
// applies to, and how much. Time keys are judged against a given day; keys
// are judged by what they can narrow (iam:PassedToService, aws:ResourceTag/..,
// aws:PrincipalOrgID do; aws:SecureTransport, aws:UserAgent do not).
#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

#include "analysis/condition_operator.hpp"
#include "policylint/policy.hpp"

namespace policylint::analysis {

/// A calendar day (UTC).
using Day = std::chrono::sys_days;

/// The current day, UTC.
Day current_day() noexcept;

/// Ordered from "no effect on the grant" to "the statement never applies", so
/// the verdict of several entries (which IAM ANDs) is the largest.
enum class ConditionVerdict : unsigned char {
  unconditional,       ///< no Condition
  always_true,         ///< holds for every request (aws:CurrentTime after a past date)
  not_narrowing,       ///< may fail, but does not narrow who or what (aws:SecureTransport, aws:UserAgent)
  weakly_restricting,  ///< narrows a little: MFA, a time window, a negated match, IfExists, a tag's presence
  restricting,         ///< narrows who or what: iam:PassedToService, aws:ResourceTag/..., aws:PrincipalOrgID ...
  never_true,          ///< cannot hold (a past DateLessThan, contradictory entries): the statement has no effect
};

std::string_view to_string(ConditionVerdict verdict) noexcept;

/// An Allow under this verdict grants as if it had no condition.
constexpr bool grants_fully(ConditionVerdict verdict) noexcept { return verdict <= ConditionVerdict::not_narrowing; }
/// A Deny under this verdict applies to every request, so it removes what it covers.
constexpr bool always_applies(ConditionVerdict verdict) noexcept { return verdict <= ConditionVerdict::always_true; }

/// The judgement of one condition entry (operator, key, values).
struct EntryVerdict {
  const ConditionBlock* block = nullptr;
  const ConditionEntry* entry = nullptr;
  std::optional<ConditionOperator> op;  ///< nothing for an operator IAM does not define
  ConditionVerdict verdict = ConditionVerdict::restricting;
  std::string_view reason;  ///< a phrase saying why, e.g. "aws:SecureTransport does not narrow who or what"
};

struct ConditionAnalysis {
  ConditionVerdict verdict = ConditionVerdict::unconditional;
  std::vector<EntryVerdict> entries;  ///< in source order, then any contradiction found between entries

  /// The first entry whose verdict is the statement's verdict; null when unconditional.
  const EntryVerdict* decisive() const noexcept;
  /// The verdict the condition would have without its entries on `key`
  /// (compared ignoring case), e.g. to judge iam:PassedToService separately.
  ConditionVerdict verdict_without(std::string_view key) const noexcept;
  /// False when the condition's String or ARN entries on `key` rule out a
  /// request whose `key` is `value` (e.g. iam:PassedToService limited to
  /// ec2.amazonaws.com rules out lambda.amazonaws.com).
  bool admits(std::string_view key, std::string_view value) const noexcept;
};

/// Judges `condition` as of `today`.
ConditionAnalysis analyze_condition(const ConditionElement& condition, Day today);

}  // namespace policylint::analysis
