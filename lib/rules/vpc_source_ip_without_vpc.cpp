#include <array>
#include <string_view>

#include "analysis/condition_walk.hpp"
#include "analysis/principal_analysis.hpp"
#include "rules/rule.hpp"
#include "text/text.hpp"

namespace policylint::rules {
namespace {

// The keys that say which VPC a request came through. Private addresses are
// reused in every VPC of every account, so aws:VpcSourceIp only means
// something next to one of them.
constexpr std::array<std::string_view, 3> kVpcKeys = {"aws:SourceVpc", "aws:SourceVpce", "aws:SourceVpcArn"};

bool names_the_vpc(const ConditionElement& condition) {
  for (const std::string_view key : kVpcKeys) {
    if (!analysis::entries_on(condition, key).empty()) {
      return true;
    }
  }
  return false;
}

void check(PolicyContext& context) {
  analysis::for_each_condition_entry(context.policy(), [&](const analysis::ConditionSite& site) {
    if (site.statement.effect != Effect::allow || !site.op || site.op->base->negated ||
        site.op->base->family != analysis::OperatorFamily::ip_address ||
        !equal_ignoring_case(site.entry.key, "aws:VpcSourceIp") || names_the_vpc(site.statement.condition)) {
      return;
    }
    context.report(site.entry.key_range,
                   "\"aws:VpcSourceIp\" alone admits a request from that private address in any VPC, in any "
                   "account, since private ranges are reused everywhere: pair it with \"aws:SourceVpc\" (or "
                   "\"aws:SourceVpce\") naming your VPC",
                   &site.statement, site.entry.key);
  });
}

}  // namespace

extern const Rule vpc_source_ip_without_vpc{
    {"PL241", "vpc-source-ip-without-vpc", Severity::security, Category::validity,
     "An Allow tests aws:VpcSourceIp without naming the VPC"},
    check,
};

}  // namespace policylint::rules
