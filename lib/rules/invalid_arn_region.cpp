#include "analysis/arn_resource_types.hpp"
#include "analysis/value_part.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(RuleContext& context) {
  const std::string_view source = *context.document().source;
  for (const Statement& statement : context.policy().statements) {
    for (const Value& value : statement.resources().values) {
      if (value.kind != JsonKind::string) {
        continue;
      }
      const analysis::ArnSplit split = analysis::split_arn(value.text);
      const analysis::ArnField region = split.arn.region;
      const std::string service(split.arn.service.text);
      const auto report = [&](std::string message) {
        context.report(analysis::part_range(source, value, region.offset, region.end()), std::move(message),
                       &statement, value.text);
      };
      const analysis::ArnFit fit = context.facts().arn_fit(value);
      if (fit == analysis::ArnFit::region_not_allowed) {
        report(service + " ARNs of this form have no region, so \"" + value.text +
               "\" matches nothing; leave the region field empty (\"" + service + ":::\" or \"" + service + "::\")");
      } else if (fit == analysis::ArnFit::region_missing) {
        report(service + " ARNs of this form need a region, so \"" + value.text +
               "\" matches nothing; put the region (e.g. us-east-1) or * between \"" + service + ":\" and the account");
      } else if (split.complete() && !region.text.empty() && !analysis::is_open_field(region.text) &&
                 !analysis::is_region_shaped(region.text) && fit != analysis::ArnFit::not_checked) {
        report("\"" + std::string(region.text) +
               "\" is not an AWS Region name, so the ARN matches nothing; Regions read like us-east-1 or eu-west-3");
      }
    }
  }
}

}  // namespace

extern const Rule invalid_arn_region{
    {"PL207", "invalid-arn-region", Severity::error, Category::validity,
     "An ARN region that is malformed, present where the resource has none, or missing"},
    RuleInput::policy,
    check,
};

}  // namespace policylint::rules
