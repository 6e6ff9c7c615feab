#include <algorithm>

#include "analysis/arn_resource_types.hpp"
#include "rules/resource_arns.hpp"

namespace policylint::rules {
namespace {

/// True for "aws", the account of AWS-owned resources (managed policies,
/// public model hubs), and for any account some ARN template of the service
/// spells literally.
bool is_template_account(std::string_view service, std::string_view account) {
  if (account == "aws") {
    return true;
  }
  const auto types = analysis::resource_types_for_arn_service(service);
  return std::any_of(types.begin(), types.end(), [&](catalog::ResourceTypeView type) {
    return analysis::split_arn(type.arn_template()).arn.account.text == account;
  });
}

void check(PolicyContext& context) {
  for_each_resource_arn(context, [&](const ResourceArn& arn) {
    const analysis::ArnFit fit = context.facts().arn_fit(arn.value);
    if (fit == analysis::ArnFit::not_checked) {
      return;
    }
    const analysis::ArnField& account = arn.split.arn.account;
    const std::string service(arn.split.arn.service.text);
    if (!account.text.empty() && !analysis::is_open_field(account.text) && !analysis::is_account_id(account.text) &&
        !is_template_account(service, account.text)) {
      report_in_arn(context, arn, account,
                    "the account field \"" + std::string(account.text) +
                        "\" is not a 12-digit AWS account ID, so the ARN matches nothing; write the account ID "
                        "(digits only, no dashes) or *");
    } else if (fit == analysis::ArnFit::account_not_allowed) {
      report_in_arn(context, arn, account,
                    service + " ARNs of this form have no account, so \"" + arn.value.text +
                        "\" matches nothing; leave the account field empty");
    }
  });
}

}  // namespace

extern const Rule invalid_arn_account{
    {"PL208", "invalid-arn-account", Severity::error, Category::validity,
     "An ARN account that is not a 12-digit ID, or that the resource does not take"},
    check,
};

}  // namespace policylint::rules
