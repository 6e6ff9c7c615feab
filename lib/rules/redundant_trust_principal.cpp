#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/arn.hpp"
#include "analysis/principal_analysis.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

/// What an AWS principal stands for, once written forms are set aside: the
/// account for "123456789012" and its root ARN, the role for a role ARN, a
/// session of a role for an assumed-role ARN.
struct Identity {
  std::string partition;
  std::string account;
  std::string role;  ///< the role name (its path dropped, as session ARNs drop it); empty for an account
};

std::optional<Identity> identity_of(const analysis::PrincipalRef& principal) {
  using analysis::PrincipalKind;
  if (principal.kind == PrincipalKind::account && principal.text == principal.account) {
    return Identity{"aws", std::string(principal.text), {}};
  }
  const analysis::ArnSplit split = analysis::split_arn(principal.text);
  if (!split.complete()) {
    return std::nullopt;
  }
  Identity identity{std::string(split.arn.partition.text), std::string(split.arn.account.text), {}};
  const std::string_view resource = split.arn.resource.text;
  if (principal.kind == PrincipalKind::account) {
    return identity;
  }
  if (principal.kind == PrincipalKind::iam_role) {
    identity.role = std::string(resource.substr(resource.rfind('/') + 1));
    return identity;
  }
  constexpr std::string_view kAssumed = "assumed-role/";
  if (principal.kind == PrincipalKind::session && resource.starts_with(kAssumed)) {
    const std::string_view rest = resource.substr(kAssumed.size());
    identity.role = std::string(rest.substr(0, rest.find('/')));
    return identity;
  }
  return std::nullopt;
}

struct Named {
  analysis::PrincipalRef principal;
  Identity identity;
};

void check_statement(PolicyContext& context, const Statement& statement) {
  std::vector<Named> named;
  for (const analysis::PrincipalRef& principal : analysis::principals_of(statement.principal)) {
    if (principal.text.find_first_of("*?$") != std::string_view::npos) {
      continue;  // patterns and variables are other rules' business
    }
    if (auto identity = identity_of(principal)) {
      named.push_back({principal, std::move(*identity)});
    }
  }
  for (std::size_t i = 0; i < named.size(); ++i) {
    const Named& current = named[i];
    const bool is_session = current.principal.kind == analysis::PrincipalKind::session;
    for (std::size_t j = 0; j < named.size(); ++j) {
      const Named& other = named[j];
      if (i == j || other.identity.partition != current.identity.partition ||
          other.identity.account != current.identity.account || other.identity.role != current.identity.role) {
        continue;
      }
      const bool other_is_session = other.principal.kind == analysis::PrincipalKind::session;
      std::string why;
      if (is_session && !other_is_session) {
        why = "is a session of the role \"" + std::string(other.principal.text) +
              "\", which the statement already trusts with every one of its sessions";
      } else if (is_session == other_is_session && j < i) {
        why = "names the same principal as \"" + std::string(other.principal.text) + "\" earlier in the statement";
      } else {
        continue;
      }
      context.report(current.principal.range, "\"" + std::string(current.principal.text) + "\" " + why + ": remove it",
                     &statement, std::string(current.principal.text));
      break;
    }
  }
}

void check(PolicyContext& context) {
  if (context.policy_type() != PolicyType::trust) {
    return;
  }
  for (const Statement& statement : context.policy().statements) {
    check_statement(context, statement);
  }
}

}  // namespace

extern const Rule redundant_trust_principal{
    {"PL442", "redundant-trust-principal", Severity::suggestion, Category::style,
     "A trust statement names a principal twice, or a role session beside its role"},
    check,
};

}  // namespace policylint::rules
