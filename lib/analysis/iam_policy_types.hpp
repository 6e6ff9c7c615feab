#pragma once
#include "policylint/policy_type.hpp"

namespace policylint::analysis {

/// Policies that IAM or AWS Organizations store themselves (as opposed to
/// resource and endpoint policies, which each service stores with its own,
/// sometimes looser, rules for Sids).
constexpr bool stored_by_iam(PolicyType type) noexcept {
  return type != PolicyType::resource && type != PolicyType::endpoint;
}

}  // namespace policylint::analysis
