#include <algorithm>

#include "analysis/arn_resource_types.hpp"
#include "analysis/value_part.hpp"
#include "rules/rule.hpp"

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

void check(RuleContext& context) {
  const std::string_view source = *context.document().source;
  for (const Statement& statement : context.policy().statements) {
    for (const Value& value : statement.resources().values) {
      if (value.kind != JsonKind::string) {
        continue;
      }
      const analysis::ArnSplit split = analysis::split_arn(value.text);
      const analysis::ArnField account = split.arn.account;
      const std::string service(split.arn.service.text);
      const auto report = [&](std::string message) {
        context.report(analysis::part_range(source, value, account.offset, account.end()), std::move(message),
                       &statement, value.text);
      };
      const analysis::ArnFit fit = context.facts().arn_fit(value);
      if (fit == analysis::ArnFit::not_checked) {
        continue;
      }
      if (!account.text.empty() && !analysis::is_open_field(account.text) && !analysis::is_account_id(account.text) &&
          !is_template_account(service, account.text)) {
        report("the account field \"" + std::string(account.text) +
               "\" is not a 12-digit AWS account ID, so the ARN matches nothing; write the account ID "
               "(digits only, no dashes) or *");
      } else if (fit == analysis::ArnFit::account_not_allowed) {
        report(service + " ARNs of this form have no account, so \"" + value.text +
               "\" matches nothing; leave the account field empty");
      }
    }
  }
}

}  // namespace

extern const Rule invalid_arn_account{
    {"PL208", "invalid-arn-account", Severity::error, Category::validity,
     "An ARN account that is not a 12-digit ID, or that the resource does not take"},
    RuleInput::policy,
    check,
};

}  // namespace policylint::rules
