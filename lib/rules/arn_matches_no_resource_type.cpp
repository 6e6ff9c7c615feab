#include "analysis/arn_resource_types.hpp"
#include "rules/resource_arns.hpp"

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

void check(PolicyContext& context) {
  for_each_resource_arn(context, [&](const ResourceArn& resource) {
    if (context.facts().arn_fit(resource.value) != analysis::ArnFit::no_resource_type) {
      return;
    }
    const analysis::Arn& arn = resource.split.arn;
    report_in_arn(context, resource, arn.resource,
                  "the resource part \"" + std::string(arn.resource.text) + "\" fits no " +
                      std::string(arn.service.text) + " resource type, so \"" + resource.value.text +
                      "\" matches nothing (resource types and ARNs are case-sensitive); " +
                      std::string(arn.service.text) + " ARNs read " + known_forms(arn.service.text));
  });
}

}  // namespace

extern const Rule arn_matches_no_resource_type{
    {"PL209", "arn-matches-no-resource-type", Severity::error, Category::validity,
     "An ARN whose resource part fits none of its service's resource types"},
    check,
};

}  // namespace policylint::rules
