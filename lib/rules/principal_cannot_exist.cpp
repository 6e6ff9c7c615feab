#include <algorithm>
#include <iterator>
#include <string>

#include "analysis/arn.hpp"
#include "analysis/principal_analysis.hpp"
#include "text/text.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

bool is_digits(std::string_view text) noexcept {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

/// Why an AWS principal value names no principal.
std::string aws_problem(std::string_view text) {
  if (is_digits(text)) {
    return "\"" + std::string(text) + "\" has " + std::to_string(text.size()) +
           " digits, and an account ID has 12, so it names no account";
  }
  const analysis::ArnSplit split = analysis::split_arn(text);
  if (split.complete() && split.arn.prefix.text == "arn") {
    return "\"" + std::string(text) + "\" is an ARN of the service " + std::string(split.arn.service.text) +
           ", not of a principal (IAM accepts users, roles, role and federated sessions, and accounts)";
  }
  return "\"" + std::string(text) + "\" is neither an account ID nor an ARN, so it names no principal";
}

/// A service principal's form: DNS labels ending in a domain AWS services use
/// (Access Analyzer: INVALID_SERVICE_PRINCIPAL_FORMAT). Case is not judged.
bool is_service_principal(std::string_view text) noexcept {
  constexpr std::string_view kDomains[] = {".amazonaws.com", ".amazonaws.com.cn", ".c2s.ic.gov", ".sc2s.sgov.gov"};
  const std::string lower = to_lower(text);
  const bool known_domain = std::any_of(std::begin(kDomains), std::end(kDomains), [&](std::string_view domain) {
    return lower.size() > domain.size() && lower.ends_with(domain);
  });
  return known_domain && lower.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.-") == std::string::npos;
}

void check_services(PolicyContext& context, const Statement& statement, const PrincipalGroup& group) {
  for (const Value& value : group.values.values) {
    if (value.kind != JsonKind::string || value.text.empty() || value.text.find_first_of("*?") != std::string::npos ||
        value.text.find("${") != std::string::npos || is_service_principal(value.text)) {
      continue;
    }
    context.report(value.range,
                   "\"" + value.text +
                       "\" is not a service principal, which reads like lambda.amazonaws.com (DNS labels ending in "
                       "the service domain), so it names no principal and IAM rejects the policy",
                   &statement, value.text);
  }
}

void check_element(PolicyContext& context, const Statement& statement, const PrincipalElement& element) {
  for (const PrincipalGroup& group : element.groups) {
    if (group.type == "Service") {
      check_services(context, statement, group);
      continue;
    }
    if (group.type != "AWS" && group.type != "Federated") {
      continue;
    }
    for (const Value& value : group.values.values) {
      if (value.kind != JsonKind::string || value.text.empty() || value.text.find_first_of("*?") != std::string::npos ||
          value.text.find("${") != std::string::npos) {
        continue;  // empty values, wildcards and variables are other rules' findings
      }
      const analysis::PrincipalRef principal = analysis::classify_principal(group.type, value);
      if (principal.kind != analysis::PrincipalKind::other) {
        continue;
      }
      const std::string message =
          group.type == "AWS"
              ? aws_problem(value.text) +
                    "; write an account ID, arn:aws:iam::123456789012:root, or a user, role or session ARN, since "
                    "IAM rejects a principal that cannot exist"
              : "\"" + value.text +
                    "\" is neither an identity provider's ARN (arn:aws:iam::123456789012:oidc-provider/HOST or "
                    "saml-provider/NAME) nor a provider IAM knows by name (cognito-identity.amazonaws.com, "
                    "www.amazon.com, graph.facebook.com, accounts.google.com), so it names no principal";
      context.report(value.range, message, &statement, value.text);
    }
  }
}

void check(PolicyContext& context) {
  for (const Statement& statement : context.policy().statements) {
    check_element(context, statement, statement.principal);
    check_element(context, statement, statement.not_principal);
  }
}

}  // namespace

extern const Rule principal_cannot_exist{
    {"PL414", "principal-cannot-exist", Severity::error, Category::validity,
     "An AWS, Federated or Service principal that names no principal that can exist"},
    check,
};

}  // namespace policylint::rules
