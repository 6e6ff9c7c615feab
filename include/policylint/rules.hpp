#pragma once
// The rule registry: every rule's stable identity and its documentation.
#include "policylint/export.hpp"
#include <string_view>
#include <vector>

#include "policylint/finding.hpp"

namespace policylint {

/// A rule's stable identity. Codes and names are public interfaces: they are
/// never renumbered, only deprecated.
struct RuleInfo {
  std::string_view code;     ///< e.g. "PL101"
  std::string_view name;     ///< kebab-case, e.g. "unknown-element"
  Severity severity;         ///< default severity
  Category category;
  std::string_view summary;  ///< one line
  bool deprecated = false;
};

/// Every registered rule, ordered by code.
POLICYLINT_API std::vector<const RuleInfo*> all_rules();

/// The rule with this code or name (case-insensitive), or nullptr.
POLICYLINT_API const RuleInfo* find_rule(std::string_view code_or_name) noexcept;

/// The rule's full documentation (Markdown: what it does, why it matters, a
/// bad example, what to write instead); empty when the rule has none.
POLICYLINT_API std::string_view rule_documentation(std::string_view code) noexcept;

}  // namespace policylint
