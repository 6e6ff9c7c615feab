#pragma once
// The known ways an identity policy lets its holder make itself more
// powerful, as data: one row per method, with where it is documented.
// Adding a method is adding a row to kEscalationMethods in
// escalation_methods.cpp.
#include <span>
#include <string_view>
#include <vector>

#include "policylint/catalog.hpp"

namespace policylint::analysis {

enum class EscalationKind : unsigned char {
  direct,             ///< the holder rewrites its own permissions or takes over another identity
  new_resource,       ///< the holder passes a role to something it creates, then runs code as that role
  existing_resource,  ///< the holder runs code in something that already has a role: it needs one to exist
};

struct EscalationMethod {
  std::string_view id;  ///< kebab-case, stable: names the method in findings
  /// The actions it needs: steps joined by " & ", each step one action or
  /// alternatives joined by "|": "iam:PassRole & lambda:CreateFunction & lambda:InvokeFunction|lambda:AddPermission".
  std::string_view requirement;
  /// The service principal a passed role goes to, which an
  /// iam:PassedToService condition on iam:PassRole must admit; empty when
  /// no role is passed.
  std::string_view passed_to;
  EscalationKind kind;
  std::string_view how;     ///< what the holder does, as a phrase
  std::string_view source;  ///< where the method is documented
};

/// Every known method, in table order.
std::span<const EscalationMethod> escalation_methods() noexcept;

/// A requirement read against the catalog: each step is the list of actions
/// any one of which fulfils it.
struct EscalationSteps {
  std::vector<std::vector<catalog::ActionView>> steps;
  std::vector<std::string_view> unknown_actions;  ///< names the catalog does not hold
};

EscalationSteps resolve_steps(const EscalationMethod& method);

}  // namespace policylint::analysis
