#include <algorithm>
#include <set>

#include "analysis/arn.hpp"
#include "analysis/principal_analysis.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

using analysis::PrincipalKind;

// The accounts the policy's own resources live in (from the account field of
// its Resource ARNs), plus those the trusted-accounts option names.
std::set<std::string_view> own_accounts(const Policy& policy, const LintOptions& options) {
  std::set<std::string_view> out;
  for (const std::string& account : analysis::trusted_accounts(options)) {
    out.insert(account);
  }
  for (const Statement& statement : policy.statements) {
    for (const Value& resource : statement.resource.values) {
      const analysis::ArnSplit split = analysis::split_arn(resource.text);
      if (analysis::is_account_id(split.arn.account.text)) {
        out.insert(split.arn.account.text);
      }
    }
  }
  return out;
}

bool names_an_account(PrincipalKind kind) {
  return kind == PrincipalKind::account || kind == PrincipalKind::iam_user || kind == PrincipalKind::iam_role ||
         kind == PrincipalKind::session;
}

void check(PolicyContext& context) {
  if (context.policy_type() != PolicyType::resource) {
    return;
  }
  const std::set<std::string_view> own = own_accounts(context.policy(), context.options());
  if (own.empty()) {
    return;  // which account is "other" is unknown: S3 and KMS key policies name none
  }
  for (const Statement& statement : context.policy().statements) {
    if (statement.effect != Effect::allow ||
        analysis::allow_pins(statement.condition).has(analysis::Pin::organization)) {
      continue;
    }
    for (const analysis::PrincipalRef& principal : analysis::principals_of(statement.principal)) {
      if (!names_an_account(principal.kind) || !analysis::is_account_id(principal.account) ||
          own.count(principal.account) != 0) {
        continue;
      }
      const std::string account(principal.account);
      std::string message = "grants access to account " + account + ", which is not the account that owns the resource";
      message += principal.kind == PrincipalKind::account
                     ? ": every principal there whose identity policies allow it gets this access"
                     : ": " + std::string(principal.text) + " gets this access";
      message += "; make sure the account is meant to have it (list your own accounts in the trusted-accounts option, "
                 "or pin the organization with aws:PrincipalOrgID)";
      context.report(principal.range, std::move(message), &statement, account);
    }
  }
}

}  // namespace

extern const Rule cross_account_grant{
    {"PL410", "cross-account-grant", Severity::warning, Category::cross_account,
     "A resource policy grants access to another account"},
    check,
};

}  // namespace policylint::rules
