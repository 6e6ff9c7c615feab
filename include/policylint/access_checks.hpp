#pragma once
// Offline custom policy checks, the questions IAM Access Analyzer answers
// online: does a new version of a policy grant access the old one did not
// (check_no_new_access), may a policy allow any of some actions on some
// resources (check_access_not_granted), does a resource policy make the
// resource public (check_no_public_access).
//
// A check passes only when it has proved its answer; where it cannot decide
// it fails with a "cannot prove" issue that says why. Actions are the
// catalog's: a request for an action the catalog does not know is not judged.
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>
#include "policylint/export.hpp"

#include "policylint/policy.hpp"
#include "policylint/policy_type.hpp"
#include "policylint/source.hpp"

namespace policylint {

enum class CheckIssueKind : unsigned char {
  new_access,      ///< NEW allows what OLD did not, or no longer denies what OLD denied
  cannot_prove,    ///< the check could not prove that OLD allows (or NEW still denies) it
  access_granted,  ///< a listed action on a listed resource may be allowed
  public_access,   ///< the policy grants access to everyone
};

/// "new-access", "cannot-prove", "access-granted", "public-access".
POLICYLINT_API std::string_view to_string(CheckIssueKind kind) noexcept;

/// One reason a check fails, at the statement responsible.
struct CheckIssue {
  CheckIssueKind kind = CheckIssueKind::new_access;
  std::string document;       ///< the name of the policy the statement is in
  std::size_t statement = 0;  ///< its index in the Statement list
  std::string sid;
  SourceRange range;      ///< the statement
  std::string actions;    ///< the actions, by access level ("2 Write (s3:DeleteObject, s3:PutObject)")
  std::string resource;   ///< the resource pattern
  std::string condition;  ///< when the statement applies ("always", "aws:SourceVpc = vpc-1a2b")
  std::string message;    ///< one sentence for people
};

struct CheckResult {
  bool passed = true;
  std::vector<CheckIssue> issues;
};

/// A policy and the name it is reported under (a path).
struct NamedPolicy {
  std::string_view name;
  const Policy* policy = nullptr;
};

/// PASS when every request NEW allows, OLD allows too: each Allow of NEW is
/// covered by Allows of OLD (actions, resources, principals, and NEW's
/// conditions implying OLD's) and each Deny of OLD is still made by a Deny of
/// NEW. For SCPs and RCPs, which other policies' Allows complete, every Deny
/// of OLD must remain whatever NEW allows.
POLICYLINT_API CheckResult check_no_new_access(const NamedPolicy& old_policy, const NamedPolicy& new_policy,
                                               PolicyType type);

/// FAIL when an Allow of any of the policies may allow one of the actions
/// (patterns such as "s3:Delete*") on one of the resources (all when empty).
/// Conditions are taken as possibly true; a Deny takes access back only when
/// it has no condition and covers the action and the resource.
POLICYLINT_API CheckResult check_access_not_granted(std::span<const NamedPolicy> policies,
                                                    std::span<const std::string> actions,
                                                    std::span<const std::string> resources);

/// The resource types check_no_public_access accepts ("AWS::S3::Bucket", ...).
POLICYLINT_API std::span<const std::string_view> public_access_resource_types() noexcept;

/// True when `type` is one of public_access_resource_types().
POLICYLINT_API bool is_public_access_resource_type(std::string_view type) noexcept;

/// FAIL when an Allow grants to everyone (Principal "*", {"AWS": "*"} or a
/// NotPrincipal) without a condition that pins the caller to an account,
/// organization, principal ARN, source ARN or account, network or service,
/// and no Deny takes it back. `resource_type` must be one of
/// public_access_resource_types().
POLICYLINT_API CheckResult check_no_public_access(const NamedPolicy& policy, std::string_view resource_type);

/// {"result": "PASS"|"FAIL", "issues": [{"kind", "document", "line", "column",
/// "statement", "sid", "actions", "resource", "condition", "message"}]}
POLICYLINT_API std::string check_result_json(std::string_view check, const CheckResult& result);

}  // namespace policylint
