#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/arn_resource_types.hpp"
#include "analysis/condition_walk.hpp"
#include "catalog/regions.hpp"
#include "rules/resource_arns.hpp"
#include "text/did_you_mean.hpp"
#include "text/text.hpp"

namespace policylint::rules {
namespace {

// Only names shaped like a Region are judged: other text in the field is
// PL207's (ARNs) or PL220's (condition values) to report, and wildcards and
// policy variables are only known at request time.
bool judged(std::string_view region) {
  return !region.empty() && !analysis::is_open_field(region) && analysis::is_region_shaped(region) &&
         !catalog::is_known_region(region);
}

std::string suggestion(std::string_view region, std::span<const std::string_view> candidates) {
  return did_you_mean(region, candidates, [](std::string_view name) { return name; });
}

void check_arns(PolicyContext& context) {
  for_each_resource_arn(context, [&](const ResourceArn& arn) {
    if (!arn.split.complete()) {
      return;
    }
    const std::string_view partition = arn.split.arn.partition.text;
    const std::span<const std::string_view> regions = catalog::regions_of(partition);
    const analysis::ArnField& region = arn.split.arn.region;
    // An ARN whose resource takes no region is PL207's to report.
    if (regions.empty() || !judged(region.text) ||
        context.facts().arn_fit(arn.value) == analysis::ArnFit::region_not_allowed) {
      return;
    }
    report_in_arn(context, arn, region,
                  "\"" + std::string(region.text) + "\" is not a Region of the " + std::string(partition) +
                      " partition (unless it opened after policylint's Region list), so the ARN matches nothing" +
                      suggestion(region.text, regions));
  });
}

void check_requested_regions(PolicyContext& context) {
  // Every partition's Regions, for values that are not tied to one partition.
  std::vector<std::string_view> every_region;
  for (const catalog::PartitionRegions& entry : catalog::partition_regions()) {
    every_region.insert(every_region.end(), entry.regions.begin(), entry.regions.end());
  }
  analysis::for_each_condition_entry(context.policy(), [&](const analysis::ConditionSite& site) {
    if (!site.op || site.op->base->family != analysis::OperatorFamily::string ||
        !equal_ignoring_case(site.entry.key, "aws:RequestedRegion")) {
      return;
    }
    for (const Value& value : site.entry.values.values) {
      if (value.kind != JsonKind::string || !judged(value.text)) {
        continue;
      }
      context.report(value.range,
                     "\"" + value.text +
                         "\" is not an AWS Region (unless it opened after policylint's Region list), so no "
                         "request carries it in aws:RequestedRegion" +
                         suggestion(value.text, every_region),
                     &site.statement, value.text);
    }
  });
}

void check(PolicyContext& context) {
  check_arns(context);
  check_requested_regions(context);
}

}  // namespace

extern const Rule unknown_region{
    {"PL242", "unknown-region", Severity::warning, Category::validity,
     "A well-formed Region name that is not a Region of AWS"},
    check,
};

}  // namespace policylint::rules
