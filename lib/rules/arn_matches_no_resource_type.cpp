#include "analysis/arn_resource_types.hpp"
#include "analysis/value_part.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

/// A few of the service's ARN forms, to show what a valid one looks like.
std::string known_forms(std::string_view service) {
  constexpr std::size_t kShown = 4;
  const auto types = analysis::resource_types_for_arn_service(service);
  std::string forms;
  for (std::size_t i = 0; i < types.size() && i < kShown; ++i) {
    forms += (i == 0 ? "" : ", ") + std::string(types[i].arn_template());
  }
  if (types.size() > kShown) {
    forms += ", ... (" + std::to_string(types.size()) + " forms)";
  }
  return forms;
}

void check(RuleContext& context) {
  const std::string_view source = *context.document().source;
  for (const Statement& statement : context.policy().statements) {
    for (const Value& value : statement.resources().values) {
      if (context.facts().arn_fit(value) != analysis::ArnFit::no_resource_type) {
        continue;
      }
      const analysis::Arn arn = analysis::split_arn(value.text).arn;
      context.report(analysis::part_range(source, value, arn.resource.offset, arn.resource.end()),
                     "the resource part \"" + std::string(arn.resource.text) + "\" fits no " +
                         std::string(arn.service.text) + " resource type, so \"" + value.text +
                         "\" matches nothing (resource types and ARNs are case-sensitive); " +
                         std::string(arn.service.text) + " ARNs read " + known_forms(arn.service.text),
                     &statement, value.text);
    }
  }
}

}  // namespace

extern const Rule arn_matches_no_resource_type{
    {"PL209", "arn-matches-no-resource-type", Severity::error, Category::validity,
     "An ARN whose resource part fits none of its service's resource types"},
    RuleInput::policy,
    check,
};

}  // namespace policylint::rules
