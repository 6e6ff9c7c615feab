#include <algorithm>

#include "analysis/policy_facts.hpp"
#include "analysis/value_part.hpp"
#include "text/text.hpp"
#include "policylint/catalog.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

bool has_upper(std::string_view text) noexcept {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

void check(PolicyContext& context) {
  const std::string_view source = *context.document().source;
  for (const Statement& statement : context.policy().statements) {
    for (const Value& value : statement.actions().values) {
      if (value.kind != JsonKind::string) {
        continue;
      }
      const analysis::ActionEntry& entry = context.facts().action_entry(value);
      const std::string_view prefix = std::string_view(value.text).substr(0, value.text.find(':'));
      if (entry.shape != analysis::ActionShape::valid || !entry.service || !has_upper(prefix)) {
        continue;
      }
      const std::string lower = to_lower(prefix);
      context.report(analysis::part_range(source, value, 0, prefix.size()),
                     "the service prefix \"" + std::string(prefix) + "\" works (IAM ignores case in actions), but "
                     "AWS writes service prefixes in lower case; write \"" + lower + "\"",
                     &statement, value.text);
    }
  }
}

}  // namespace

extern const Rule uppercase_service_prefix{
    {"PL204", "uppercase-service-prefix", Severity::suggestion, Category::validity,
     "A service prefix written with upper-case letters"},
    check,
};

}  // namespace policylint::rules
