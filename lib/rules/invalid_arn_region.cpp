#include "analysis/arn_resource_types.hpp"
#include "rules/resource_arns.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  for_each_resource_arn(context, [&](const ResourceArn& arn) {
    const analysis::ArnField& region = arn.split.arn.region;
    const std::string service(arn.split.arn.service.text);
    const analysis::ArnFit fit = context.facts().arn_fit(arn.value);
    if (fit == analysis::ArnFit::region_not_allowed) {
      report_in_arn(context, arn, region,
                    service + " ARNs of this form have no region, so \"" + arn.value.text +
                        "\" matches nothing; leave the region field empty (\"" + service + ":::\" or \"" + service +
                        "::\")");
    } else if (fit == analysis::ArnFit::region_missing) {
      report_in_arn(context, arn, region,
                    service + " ARNs of this form need a region, so \"" + arn.value.text +
                        "\" matches nothing; put the region (e.g. us-east-1) or * between \"" + service +
                        ":\" and the account");
    } else if (arn.split.complete() && !region.text.empty() && !analysis::is_open_field(region.text) &&
               !analysis::is_region_shaped(region.text) && fit != analysis::ArnFit::not_checked) {
      report_in_arn(context, arn, region,
                    "\"" + std::string(region.text) +
                        "\" is not an AWS Region name, so the ARN matches nothing; Regions read like us-east-1 or "
                        "eu-west-3");
    }
  });
}

}  // namespace

extern const Rule invalid_arn_region{
    {"PL207", "invalid-arn-region", Severity::error, Category::validity,
     "An ARN region that is malformed, present where the resource has none, or missing"},
    check,
};

}  // namespace policylint::rules
