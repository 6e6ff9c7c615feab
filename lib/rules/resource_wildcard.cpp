#include <algorithm>

#include "analysis/arn.hpp"
#include "analysis/public_access.hpp"
#include "rules/grant_findings.hpp"

namespace policylint::rules {
namespace {

using catalog::AccessLevel;

bool changes_things(AccessLevel level) noexcept { return level != AccessLevel::Read && level != AccessLevel::List; }

void check(PolicyContext& context) {
  for_each_holder_grant(context, [&](const analysis::StatementGrant& grant) {
    const Statement& statement = *grant.statement;
    if (statement.resources_negated()) {
      return;
    }
    const auto& values = statement.resource.values;
    const auto star = std::find_if(values.begin(), values.end(),
                                   [](const Value& value) { return analysis::is_match_all(value.text); });
    if (star == values.end()) {
      return;
    }
    // Only actions that can be scoped: the others are authorised against "*" alone.
    analysis::ActionSet scopable;
    std::size_t count = 0;
    bool changes = false;
    grant.actions.for_each([&](catalog::ActionView action) {
      if (!action.resource_types().empty()) {
        scopable.insert(action);
        ++count;
        changes = changes || changes_things(action.access_level());
      }
    });
    if (count == 0) {
      return;
    }
    report_grant(context, grant, star->range,
                 "\"Resource\": \"" + star->text + "\" applies " + std::to_string(count) +
                     " actions to every resource although they can be limited to named ones: " +
                     analysis::describe_access(scopable),
                 "name the resources in Resource, or move these actions to a statement of their own that does",
                 changes ? Severity::warning : Severity::suggestion, star->text);
  });
}

}  // namespace

extern const Rule resource_wildcard{
    {"PL309", "resource-wildcard", Severity::warning, Category::least_privilege,
     "\"Resource\": \"*\" for actions that can be limited to named resources"},
    check,
};

}  // namespace policylint::rules
