#include "analysis/condition_values.hpp"
#include "analysis/condition_walk.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  analysis::for_each_condition_entry(context.policy(), [&](const analysis::ConditionSite& site) {
    if (!site.op || site.op->base->family != analysis::OperatorFamily::ip_address) {
      return;
    }
    for (const Value& value : site.entry.values.values) {
      const auto range = analysis::parse_ip_range(value.text);
      if (!range || !analysis::has_host_bits(*range)) {
        continue;
      }
      const std::string cidr = analysis::canonical_cidr(*range);
      context.report(value.range,
                     "\"" + value.text + "\" has address bits past its /" + std::to_string(range->prefix_length) +
                         " prefix, which IAM ignores: it is the range " + cidr + "; write \"" + cidr +
                         "\", or a longer prefix if a smaller range was meant",
                     &site.statement, value.text);
    }
  });
}

}  // namespace

extern const Rule ip_range_host_bits{
    {"PL234", "ip-range-host-bits", Severity::suggestion, Category::validity,
     "An IP range written with bits set past its prefix"},
    check,
};

}  // namespace policylint::rules
