#pragma once
// Which statements of a resource or trust policy make access public, as IAM
// Access Analyzer's CheckNoPublicAccess judges it: an Allow to Principal "*"
// (or {"AWS": "*"}) whose condition pins the caller to no account,
// organization, principal ARN, source ARN, network or service, and that no
// Deny to everyone takes back for every caller outside such a pin.
#include <string>
#include <vector>

#include "analysis/action_set.hpp"
#include "analysis/principal_analysis.hpp"
#include "policylint/policy.hpp"

namespace policylint::analysis {

/// The actions a statement's Action names, or what its NotAction leaves
/// (PolicyFacts::action_set_of, for callers without the policy's facts).
ActionSet statement_action_set(const Statement& statement);

struct PublicGrant {
  const Statement* statement = nullptr;
  PrincipalRef principal;  ///< the "*" that names everyone
  ActionSet actions;       ///< what becomes public
};

/// The public grants of a policy, in statement order.
std::vector<PublicGrant> public_grants(const Policy& policy);

/// "3 Permissions management (s3:PutBucketPolicy, ...), 2 Write (...)": the
/// actions of a set by access level, worst first, naming at most
/// `names_per_level` actions of each level.
std::string describe_access(const ActionSet& actions, std::size_t names_per_level = 3);

}  // namespace policylint::analysis
