#include "analysis/arn_resource_types.hpp"
#include "analysis/suggest.hpp"
#include "rules/resource_arns.hpp"

namespace policylint::rules {
namespace {

std::string advice(std::string_view service) {
  analysis::ClosestName closest(service);
  for (const std::string_view known : analysis::arn_services()) {
    closest.consider(known);
  }
  if (!closest.best().empty()) {
    return "did you mean \"" + std::string(closest.best()) + "\"?";
  }
  return "check the ARN format in the AWS Service Authorization Reference";
}

void check(PolicyContext& context) {
  for_each_resource_arn(context, [&](const ResourceArn& arn) {
    if (context.facts().arn_fit(arn.value) != analysis::ArnFit::unknown_service) {
      return;
    }
    const analysis::ArnField& service = arn.split.arn.service;
    report_in_arn(context, arn, service,
                  "no AWS resource has ARNs with the service \"" + std::string(service.text) +
                      "\", so this Resource matches nothing; " + advice(service.text));
  });
}

}  // namespace

extern const Rule unknown_arn_service{
    {"PL206", "unknown-arn-service", Severity::error, Category::validity,
     "An ARN whose service field names no AWS service"},
    check,
};

}  // namespace policylint::rules
