#pragma once
// How far a statement's Resource or NotResource reaches for one action: not
// at all, to named resources, to a wildcard family that may still hold the
// sensitive target (arn:aws:iam::*:policy/team-*), or to every resource of
// the kind the action acts on.
#include <string_view>

#include "policylint/catalog.hpp"
#include "policylint/policy.hpp"

namespace policylint::analysis {

/// Ordered: a larger reach covers more.
enum class Reach : unsigned char {
  none,      ///< no listed resource can be one the action acts on
  named,     ///< only named resources (variables such as ${aws:username} name the caller's own)
  wildcard,  ///< a wildcard family of resources, which may include the sensitive one
  unscoped,  ///< every resource the action acts on: "*", NotResource, or "arn:...:secret:*"
};

std::string_view to_string(Reach reach) noexcept;

struct ResourceReach {
  Reach reach = Reach::none;
  /// The Resource value that reaches furthest; null for NotResource.
  const Value* value = nullptr;
};

/// The reach of the statement's Resource or NotResource for `action`.
/// Resources in the AWS account ("arn:aws:iam::aws:policy/...") cannot be
/// changed by customers, so they are out of reach of actions that change
/// things.
ResourceReach resource_reach(const Statement& statement, catalog::ActionView action);

/// The reach of one Resource value for `action`.
Reach value_reach(const Value& value, catalog::ActionView action);

/// True when every resource `covered` can stand for is also matched by
/// `covering` (both Resource patterns): a Deny on `covering` then removes an
/// Allow on `covered`.
bool resource_covers(std::string_view covering, std::string_view covered) noexcept;

}  // namespace policylint::analysis
