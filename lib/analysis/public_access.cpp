#include "analysis/public_access.hpp"

#include <algorithm>
#include <array>

#include "analysis/policy_facts.hpp"
#include "policylint/catalog.hpp"
#include "policylint/glob.hpp"

namespace policylint::analysis {
namespace {

// True when a Deny statement's Resource covers every Resource of the Allow.
bool resources_covered(const Statement& deny, const Statement& allow) {
  if (deny.resources_negated() || allow.resources_negated()) {
    return false;
  }
  const auto& deny_values = deny.resource.values;
  return std::all_of(allow.resource.values.begin(), allow.resource.values.end(), [&](const Value& granted) {
    return std::any_of(deny_values.begin(), deny_values.end(), [&](const Value& denied) {
      return glob_match(denied.text, granted.text, CaseSensitivity::sensitive);
    });
  });
}

// True when a Deny to everyone removes `grant` for every caller its
// condition does not exempt by a pin (account, organization, network ...).
bool taken_back(const Statement& deny, const Statement& allow, const ActionSet& granted) {
  if (deny.effect != Effect::deny || !names_everyone(deny) || deny_exemptions(deny.condition).empty()) {
    return false;
  }
  return statement_action_set(deny).contains_all(granted) && resources_covered(deny, allow);
}

// Pins that keep a grant to "*" from being public.
bool pins_caller(const CallerPins& pins) {
  return pins.any_of({Pin::organization, Pin::account, Pin::principal_arn, Pin::source_arn, Pin::network,
                      Pin::service});
}

}  // namespace

ActionSet statement_action_set(const Statement& statement) {
  PolicyFacts facts;
  return facts.action_set_of(statement);
}

std::vector<PublicGrant> public_grants(const Policy& policy) {
  std::vector<PublicGrant> out;
  for (const Statement& statement : policy.statements) {
    if (statement.effect != Effect::allow || pins_caller(allow_pins(statement.condition))) {
      continue;
    }
    for (const PrincipalRef& principal : principals_of(statement.principal)) {
      if (principal.kind != PrincipalKind::everyone) {
        continue;
      }
      ActionSet actions = statement_action_set(statement);
      const bool revoked = std::any_of(policy.statements.begin(), policy.statements.end(), [&](const Statement& deny) {
        return taken_back(deny, statement, actions);
      });
      if (!revoked) {
        out.push_back(PublicGrant{&statement, principal, std::move(actions)});
      }
      break;
    }
  }
  return out;
}

std::string describe_access(const ActionSet& actions, std::size_t names_per_level) {
  using catalog::AccessLevel;
  constexpr std::array kWorstFirst = {AccessLevel::PermissionsManagement, AccessLevel::Write, AccessLevel::Tagging,
                                      AccessLevel::Read, AccessLevel::List};
  std::array<std::size_t, catalog::kAccessLevelCount> counts{};
  std::array<std::string, catalog::kAccessLevelCount> names;
  actions.for_each([&](catalog::ActionView action) {
    const auto level = static_cast<std::size_t>(action.access_level());
    if (counts[level]++ < names_per_level) {
      names[level].append(names[level].empty() ? "" : ", ").append(action.name());
    }
  });
  // Appended in place: a finding's message is built for every grant it names.
  std::string out;
  for (const AccessLevel level : kWorstFirst) {
    const auto index = static_cast<std::size_t>(level);
    if (counts[index] == 0) {
      continue;
    }
    out.append(out.empty() ? "" : "; ")
        .append(std::to_string(counts[index]))
        .append(" ")
        .append(catalog::to_string(level))
        .append(" (")
        .append(names[index])
        .append(counts[index] > names_per_level ? ", ..." : "")
        .append(")");
  }
  return out;
}

}  // namespace policylint::analysis
