#include "analysis/condition_values.hpp"
#include "analysis/condition_walk.hpp"
#include "text/text.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  analysis::for_each_condition_entry(context.policy(), [&](const analysis::ConditionSite& site) {
    if (!site.op || site.op->base->family != analysis::OperatorFamily::ip_address ||
        !equal_ignoring_case(site.entry.key, "aws:SourceIp")) {
      return;
    }
    for (const Value& value : site.entry.values.values) {
      const auto range = analysis::parse_ip_range(value.text);
      if (!range || !analysis::is_private(*range)) {
        continue;
      }
      context.report(value.range,
                     "\"" + value.text + "\" is a private address range, but aws:SourceIp only holds public "
                     "addresses (requests through a VPC endpoint carry none), so this value never matches; use "
                     "aws:VpcSourceIp with aws:SourceVpc or aws:SourceVpce for traffic from a VPC",
                     &site.statement, value.text);
    }
  });
}

}  // namespace

extern const Rule private_ip_in_source_ip{
    {"PL225", "private-ip-in-source-ip", Severity::warning, Category::validity,
     "A private IP range in aws:SourceIp, which never holds one"},
    check,
};

}  // namespace policylint::rules
