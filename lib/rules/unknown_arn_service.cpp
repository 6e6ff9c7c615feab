#include "analysis/arn_resource_types.hpp"
#include "analysis/suggest.hpp"
#include "analysis/value_part.hpp"
#include "rules/rule.hpp"

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

void check(RuleContext& context) {
  const std::string_view source = *context.document().source;
  for (const Statement& statement : context.policy().statements) {
    for (const Value& value : statement.resources().values) {
      if (context.facts().arn_fit(value) != analysis::ArnFit::unknown_service) {
        continue;
      }
      const analysis::ArnField service = analysis::split_arn(value.text).arn.service;
      context.report(analysis::part_range(source, value, service.offset, service.end()),
                     "no AWS resource has ARNs with the service \"" + std::string(service.text) +
                         "\", so this Resource matches nothing; " + advice(service.text),
                     &statement, value.text);
    }
  }
}

}  // namespace

extern const Rule unknown_arn_service{
    {"PL206", "unknown-arn-service", Severity::error, Category::validity,
     "An ARN whose service field names no AWS service"},
    RuleInput::policy,
    check,
};

}  // namespace policylint::rules
