#pragma once
// What a policy's own text says it is used as, when no policy type is given.
#include <string_view>
#include "policylint/export.hpp"
#include "policylint/policy.hpp"
#include "policylint/policy_type.hpp"

namespace policylint {

/// A guessed policy type and how sure the guess is.
struct PolicyTypeGuess {
  PolicyType type = PolicyType::identity;
  /// True when the text fits other types as well (a Deny-only document
  /// without Principal may be an SCP or a boundary): `type` is then assumed,
  /// and the user should name the type (--policy-type, policy-types).
  bool ambiguous = false;
  /// The signals the guess rests on, e.g. "a Principal and an allowed
  /// sts:AssumeRole* action". A static string.
  std::string_view basis;
};

/// Guesses what a policy is used as. Without Principal or NotPrincipal it is
/// an identity policy (ambiguous when it only denies: SCPs and boundaries
/// look the same). With one it is a role trust policy when some Allow
/// statement grants sts:AssumeRole*; a resource control policy when every
/// statement denies to Principal "*" on Resource "*" with named actions of
/// several services (one resource's policy names one service); an endpoint
/// policy when every statement names Principal "*" and the allowed actions
/// span several services or all of them; otherwise a resource policy
/// (ambiguous when Principal "*" and Deny throughout leave an RCP possible).
/// detect_policy_type (document.hpp) returns its `type`.
POLICYLINT_API PolicyTypeGuess guess_policy_type(const Policy& policy) noexcept;

/// True when the document is one statement without a policy around it: no
/// Statement, but Effect and Action or NotAction at the top level.
/// looks_like_policy (document.hpp) accepts it, and missing-statement (PL104)
/// reports it as a statement that needs a policy around it.
POLICYLINT_API bool is_bare_statement(const Policy& policy) noexcept;

}  // namespace policylint
