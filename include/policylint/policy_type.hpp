#pragma once
#include "policylint/export.hpp"
#include <optional>
#include <span>
#include <string_view>

namespace policylint {

/// What a policy document is used as. Which elements are allowed, the size
/// limit and most security rules depend on it.
enum class PolicyType {
  identity,  ///< attached to a user, group or role (managed or inline)
  resource,  ///< attached to a resource (S3 bucket, KMS key, SQS queue, ...)
  trust,     ///< a role's trust policy (who may assume the role)
  scp,       ///< AWS Organizations service control policy
  rcp,       ///< AWS Organizations resource control policy
  boundary,  ///< a permissions boundary
  session,   ///< a session policy passed to AssumeRole* / GetFederationToken
  endpoint,  ///< a VPC endpoint policy
};

/// The lower-case name used on the command line and in reports ("identity", ...).
POLICYLINT_API std::string_view to_string(PolicyType type) noexcept;

/// Parses a policy type name as printed by to_string (case-insensitive).
POLICYLINT_API std::optional<PolicyType> parse_policy_type(std::string_view name) noexcept;

/// Every policy type, in declaration order.
POLICYLINT_API std::span<const PolicyType> all_policy_types() noexcept;

}  // namespace policylint
