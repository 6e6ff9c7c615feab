#include "analysis/policy_facts.hpp"
#include "analysis/suggest.hpp"
#include "analysis/value_part.hpp"
#include "policylint/catalog.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

std::string advice(std::string_view prefix) {
  analysis::ClosestName closest(prefix);
  for (const catalog::ServiceView service : catalog::services()) {
    closest.consider(service.prefix());
  }
  if (!closest.best().empty()) {
    return "did you mean \"" + std::string(closest.best()) + "\"?";
  }
  return "check the prefix in the AWS Service Authorization Reference, or remove the action if the service was retired";
}

void check(PolicyContext& context) {
  const std::string_view source = *context.document().source;
  for (const Statement& statement : context.policy().statements) {
    for (const Value& value : statement.actions().values) {
      if (value.kind != JsonKind::string) {
        continue;
      }
      const analysis::ActionEntry& entry = context.facts().action_entry(value);
      if (entry.shape != analysis::ActionShape::valid || entry.any_service || entry.service) {
        continue;
      }
      const std::string_view prefix = std::string_view(value.text).substr(0, value.text.find(':'));
      context.report(analysis::part_range(source, value, 0, prefix.size()),
                     "\"" + std::string(prefix) + "\" in \"" + value.text +
                         "\" is not a known AWS service prefix, so the action matches nothing; " + advice(prefix),
                     &statement, value.text);
    }
  }
}

}  // namespace

extern const Rule unknown_service{
    {"PL201", "unknown-service", Severity::error, Category::validity,
     "An action whose service prefix is not a known AWS service"},
    check,
};

}  // namespace policylint::rules
