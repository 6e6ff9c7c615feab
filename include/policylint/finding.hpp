#pragma once
#include "policylint/export.hpp"
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "policylint/source.hpp"

namespace policylint {

/// How bad a finding is. Ordered: a threshold such as --fail-on compares with <.
enum class Severity : std::uint8_t {
  suggestion,  ///< style and tidiness
  warning,     ///< a likely mistake or a least-privilege gap
  security,    ///< an exploitable risk
  error,       ///< AWS rejects it, or it can never work
};

/// The fixed set of finding categories.
enum class Category : std::uint8_t {
  syntax,
  validity,
  admin_access,
  privilege_escalation,
  data_access,
  credentials_exposure,
  resource_exposure,
  public_access,
  cross_account,
  federation,
  mfa,
  defense_evasion,
  least_privilege,
  hygiene,
  secrets,
  style,
};

POLICYLINT_API std::string_view to_string(Severity severity) noexcept;
POLICYLINT_API std::string_view to_string(Category category) noexcept;  ///< kebab-case, e.g. "admin-access"
POLICYLINT_API std::optional<Severity> parse_severity(std::string_view name) noexcept;
POLICYLINT_API std::optional<Category> parse_category(std::string_view name) noexcept;
POLICYLINT_API std::span<const Category> all_categories() noexcept;

/// Another place that contributed to a finding (e.g. the first of two
/// duplicate keys, or a second statement of a privilege-escalation pair).
struct RelatedLocation {
  SourceRange range;
  std::string message;
  std::string file{};  ///< the input it is in, when not the finding's own (a set-level finding's other documents)
};

/// One problem found in one input.
struct Finding {
  std::string_view code;  ///< stable rule code, e.g. "PL101"
  std::string_view name;  ///< stable kebab-case rule name
  Severity severity = Severity::warning;
  Category category = Category::syntax;
  std::string message;  ///< what is wrong and how to fix it
  std::string file;     ///< display name of the input
  SourceRange range;
  /// 0-based index of the statement the finding concerns, if any.
  std::optional<std::size_t> statement_index;
  std::string sid;  ///< that statement's Sid, empty when it has none
  std::vector<RelatedLocation> related;
  /// The offending value (an action, an ARN, a key ...), used to recognise the
  /// same finding after unrelated edits (baselines). May be empty.
  std::string subject;
};

/// The order of one input's findings in every report: by position, then by
/// code.
inline bool reported_before(const Finding& a, const Finding& b) noexcept {
  return a.range.begin.offset != b.range.begin.offset ? a.range.begin.offset < b.range.begin.offset : a.code < b.code;
}

}  // namespace policylint
