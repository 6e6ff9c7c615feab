#include <algorithm>
#include <array>

#include "analysis/principal_analysis.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

using analysis::Pin;

// Services that act on behalf of any AWS customer and call into the
// resource or role named in *their* configuration, which another account can
// point at yours (the cross-service confused deputy): AWS documents
// aws:SourceArn / aws:SourceAccount for each of them.
constexpr std::array<std::string_view, 18> kConfusedDeputyServices = {
    "appsync",    "backup",         "cloudfront", "cloudtrail", "config",    "datasync",
    "delivery.logs", "events",      "guardduty",  "logging.s3", "logs",      "s3",
    "scheduler",  "securityhub",    "ses",        "sns",        "transfer",  "apigateway",
};

// "logs.eu-west-1.amazonaws.com" -> "logs"; "delivery.logs.amazonaws.com" -> "delivery.logs".
std::string_view service_name(std::string_view principal) {
  for (const std::string_view suffix : {".amazonaws.com.cn", ".amazonaws.com"}) {
    if (principal.ends_with(suffix)) {
      principal.remove_suffix(suffix.size());
      break;
    }
  }
  if (principal.starts_with("logs.")) {
    return principal.substr(0, 4);
  }
  return principal;
}

void check(PolicyContext& context) {
  const PolicyType type = context.policy_type();
  if (type != PolicyType::trust && type != PolicyType::resource) {
    return;
  }
  for (const Statement& statement : context.policy().statements) {
    if (statement.effect != Effect::allow ||
        analysis::allow_pins(statement.condition).any_of({Pin::source_arn, Pin::account, Pin::organization})) {
      continue;
    }
    for (const analysis::PrincipalRef& principal : analysis::principals_of(statement.principal)) {
      const std::string_view name = service_name(principal.text);
      if (principal.kind != analysis::PrincipalKind::service ||
          std::find(kConfusedDeputyServices.begin(), kConfusedDeputyServices.end(), name) ==
              kConfusedDeputyServices.end()) {
        continue;
      }
      context.report(principal.range,
                     "the service " + std::string(principal.text) +
                         " acts for every AWS customer: without aws:SourceArn or aws:SourceAccount another account "
                         "can make it use this grant (confused deputy); add a condition naming your resource or "
                         "account",
                     &statement, std::string(principal.text));
    }
  }
}

}  // namespace

extern const Rule service_principal_without_source{
    {"PL406", "service-principal-without-source", Severity::warning, Category::cross_account,
     "A grant to a service principal does not pin aws:SourceArn or aws:SourceAccount"},
    check,
};

}  // namespace policylint::rules
