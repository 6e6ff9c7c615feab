// AWS's authorization logic over a compiled policy set (docs/simulate.md):
// an explicit Deny anywhere wins; then every SCP level, every RCP level and
// the VPC endpoint policy must allow; then the resource policy and the
// principal's identity policies grant, as filtered by its permissions
// boundary and session policy, in the way the principal's account and the
// form of principal the resource policy names decide.
#include <algorithm>

#include "analysis/arn.hpp"
#include "analysis/evaluator/evaluator_internal.hpp"
#include "text/text.hpp"
#include "policylint/catalog.hpp"

namespace policylint::evaluator {
namespace {

using RequestKind = PreparedRequest::PrincipalKind;

int rank(PrincipalGrant grant) noexcept {
  switch (grant) {
    case PrincipalGrant::exact: return 3;
    case PrincipalGrant::role: return 2;
    case PrincipalGrant::account: return 1;
    case PrincipalGrant::none: break;
  }
  return 0;
}

/// What one set of policies (all identity policies, one SCP level...) says.
struct SetResult {
  bool allow = false;
  bool deny = false;
  /// For resource policies: the strongest way an applying Allow named the caller.
  PrincipalGrant grant = PrincipalGrant::none;
};

bool checks_principal(PolicyRole role) noexcept {
  return role == PolicyRole::resource || role == PolicyRole::endpoint || role == PolicyRole::rcp;
}

class Run {
 public:
  Run(const CompiledPolicySet::Impl& set, const Request& request, Evaluation* explain)
      : set_(set), explain_(explain) {
    prepare_request(request, request_);
  }

  Decision decide();

 private:
  bool statement_applies(const CompiledStatement& statement, PolicyRole role, PrincipalGrant& grant,
                         StatementExplanation* out) const;
  SetResult evaluate(const std::vector<CompiledPolicy>& policies) const;
  Decision finish(Decision decision, const char* reason) const {
    if (explain_ != nullptr) {
      explain_->decision = decision;
      explain_->reason = reason;
    }
    return decision;
  }
  void denied(PolicyRole role) const {
    if (explain_ != nullptr) explain_->denied_by.push_back(role);
  }
  bool aws_managed_target() const;
  bool needs_resource_policy() const;

  const CompiledPolicySet::Impl& set_;
  Evaluation* explain_;
  PreparedRequest request_;
  bool has_boundary_ = false;
};

bool Run::statement_applies(const CompiledStatement& statement, PolicyRole role, PrincipalGrant& grant,
                            StatementExplanation* out) const {
  if (out != nullptr) {
    out->index = statement.index;
    out->sid = statement.sid;
    out->effect = statement.effect;
    out->range = statement.range;
  }
  if (statement.effect != Effect::allow && statement.effect != Effect::deny) return false;
  if (checks_principal(role)) {
    grant = principal_grant(statement, role, request_, has_boundary_);
    if (out != nullptr) out->principal_matched = grant != PrincipalGrant::none;
    if (grant == PrincipalGrant::none) return false;
  }

  bool action = false;
  for (const ActionPattern& pattern : statement.actions) {
    if (action_matches(pattern, request_)) {
      action = true;
      break;
    }
  }
  if (statement.action_negated) action = !action;
  action = action && statement.has_action;
  if (out != nullptr) out->action_matched = action;
  if (!action) return false;

  bool resource = !statement.has_resource && checks_principal(role);
  if (statement.has_resource) {
    const bool deny = statement.effect == Effect::deny;
    // A request resource with wildcards stands for many resources: an Allow
    // applies when it reaches one of them, a Deny only when it reaches all.
    // With NotResource the question turns around.
    const bool covering = statement.resource_negated ? !deny : deny;
    bool listed = false;
    bool rejected = false;
    for (const ResourcePattern& pattern : statement.resources) {
      const ResourceMatch match = resource_matches(pattern, request_, covering, statement.substitutes_variables,
                                                  statement.resource_negated);
      if (match == ResourceMatch::match) {
        listed = true;
        break;
      }
      rejected = rejected || match == ResourceMatch::error;
    }
    resource = statement.resource_negated ? !listed && !rejected : listed;
  }
  if (out != nullptr) out->resource_matched = resource;
  if (!resource) return false;

  bool conditions = true;
  for (const CompiledCondition& condition : statement.conditions) {
    if (out == nullptr) {
      if (!condition_holds(condition, request_, statement.substitutes_variables, nullptr)) return false;
      continue;
    }
    ConditionExplanation& explained = out->conditions.emplace_back();
    explained.op = condition.op_text;
    explained.key = condition.key;
    explained.range = condition.range;
    explained.matched = condition_holds(condition, request_, statement.substitutes_variables, &explained.reason);
    conditions = conditions && explained.matched;
  }
  if (out != nullptr) {
    out->conditions_matched = conditions;
    out->applies = conditions;
  }
  return conditions;
}

SetResult Run::evaluate(const std::vector<CompiledPolicy>& policies) const {
  SetResult result;
  for (const CompiledPolicy& policy : policies) {
    if (explain_ == nullptr) {
      // Only the statements that can name the request's action.
      const auto visit = [&](std::uint32_t index) {
        const CompiledStatement& statement = policy.statements[index];
        PrincipalGrant grant = PrincipalGrant::exact;
        if (!statement_applies(statement, policy.role, grant, nullptr)) return false;
        if (statement.effect == Effect::deny) {
          result.deny = true;
          return true;
        }
        result.allow = true;
        if (rank(grant) > rank(result.grant)) result.grant = grant;
        return false;
      };
      const auto visit_indexed = [&](const std::vector<IndexedStatements>& index, const std::string& key) {
        for (const IndexedStatements& entry : index) {
          if (entry.key != key) continue;
          for (const std::uint32_t statement : entry.statements) {
            if (visit(statement)) return true;
          }
          return false;
        }
        return false;
      };
      if (visit_indexed(policy.by_action, request_.action) || visit_indexed(policy.by_service, request_.action_service)) {
        return result;
      }
      for (const std::uint32_t index : policy.any_service) {
        if (visit(index)) return result;
      }
      continue;
    }
    PolicyExplanation& explained = explain_->policies.emplace_back();
    explained.role = policy.role;
    explained.name = policy.name;
    explained.level = policy.level;
    bool policy_allows = false;
    bool policy_denies = false;
    for (const CompiledStatement& statement : policy.statements) {
      StatementExplanation& out = explained.statements.emplace_back();
      PrincipalGrant grant = PrincipalGrant::exact;
      if (!statement_applies(statement, policy.role, grant, &out)) continue;
      if (statement.effect == Effect::deny) {
        policy_denies = true;
      } else {
        policy_allows = true;
        if (rank(grant) > rank(result.grant)) result.grant = grant;
      }
    }
    explained.result = policy_denies  ? Decision::explicitly_denied
                       : policy_allows ? Decision::allowed
                                       : Decision::implicitly_denied;
    result.deny = result.deny || policy_denies;
    result.allow = result.allow || policy_allows;
  }
  return result;
}

/// Resources AWS owns and nobody may change: AWS managed policies, the roles
/// under /aws-reserved/, and the KMS aliases under alias/aws/.
bool Run::aws_managed_target() const {
  const analysis::ArnSplit& split = request_.resource_arn;
  if (!split.complete()) return false;
  const analysis::Arn& arn = split.arn;
  const bool iam_owned = request_.action_service == "iam" && arn.service.text == "iam" &&
                         ((arn.account.text == "aws" && arn.resource.text.starts_with("policy/")) ||
                          arn.resource.text.starts_with("role/aws-reserved/"));
  const bool kms_owned = request_.action_service == "kms" && arn.service.text == "kms" &&
                         arn.resource.text.starts_with("alias/aws/");
  if (!iam_owned && !kms_owned) return false;
  const std::optional<catalog::ActionView> action = catalog::find_action(request_.request->action);
  if (!action) return false;
  const catalog::AccessLevel level = action->access_level();
  return level != catalog::AccessLevel::List && level != catalog::AccessLevel::Read;
}

/// KMS keys and role trust policies: the resource policy itself must allow
/// (naming the caller, or its account and then its identity policy too).
bool Run::needs_resource_policy() const {
  const analysis::Arn& arn = request_.resource_arn.arn;
  if (arn.service.text == "kms" && arn.resource.text.starts_with("key/")) return true;
  return request_.action_service == "sts" && request_.action_name.starts_with("assumerole") &&
         arn.service.text == "iam" && arn.resource.text.starts_with("role/");
}

Decision Run::decide() {
  if (request_.action_service == "sts" && request_.action_name == "getcalleridentity") {
    return finish(Decision::allowed, "sts:GetCallerIdentity is always allowed");
  }
  const RequestKind kind = request_.principal_kind;
  const bool iam_principal = kind != RequestKind::anonymous && kind != RequestKind::service;
  const bool session_principal = kind == RequestKind::assumed_role || kind == RequestKind::federated_user;
  has_boundary_ = iam_principal && !set_.boundary.empty();
  const bool session_applies = iam_principal && !set_.session.empty();
  // SCPs limit the principals of member accounts; RCPs the resources, for
  // every caller but AWS services.
  const bool scp_applies = iam_principal && !set_.scp_levels.empty();
  const bool rcp_applies = kind != RequestKind::service && !set_.rcp_levels.empty();

  std::vector<SetResult> scp_levels;
  std::vector<SetResult> rcp_levels;
  bool explicit_deny = false;
  const auto note = [&](const SetResult& result, PolicyRole role) {
    if (result.deny) {
      explicit_deny = true;
      denied(role);
    }
  };
  if (scp_applies) {
    for (const Level& level : set_.scp_levels) {
      scp_levels.push_back(evaluate(level.policies));
      note(scp_levels.back(), PolicyRole::scp);
      if (explicit_deny && explain_ == nullptr) return Decision::explicitly_denied;
    }
  }
  if (rcp_applies) {
    for (const Level& level : set_.rcp_levels) {
      rcp_levels.push_back(evaluate(level.policies));
      note(rcp_levels.back(), PolicyRole::rcp);
      if (explicit_deny && explain_ == nullptr) return Decision::explicitly_denied;
    }
  }
  const SetResult endpoint = evaluate(set_.endpoint);
  note(endpoint, PolicyRole::endpoint);
  const SetResult boundary = has_boundary_ ? evaluate(set_.boundary) : SetResult{};
  note(boundary, PolicyRole::boundary);
  const SetResult identity = iam_principal ? evaluate(set_.identity) : SetResult{};
  note(identity, PolicyRole::identity);
  const SetResult resource = evaluate(set_.resource);
  note(resource, PolicyRole::resource);
  const SetResult session = session_applies ? evaluate(set_.session) : SetResult{};
  note(session, PolicyRole::session);
  if (explicit_deny) {
    if (explain_ != nullptr) {
      // One entry per role, in the order the roles were evaluated.
      auto& roles = explain_->denied_by;
      roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
    }
    return finish(Decision::explicitly_denied, "an applicable statement denies the request explicitly");
  }

  for (std::size_t i = 0; i < scp_levels.size(); ++i) {
    if (!scp_levels[i].allow) {
      denied(PolicyRole::scp);
      return finish(Decision::implicitly_denied, "an SCP level allows nothing that matches the request");
    }
  }
  for (std::size_t i = 0; i < rcp_levels.size(); ++i) {
    // A level without a policy does not limit (AWS attaches RCPFullAWSAccess).
    if (!set_.rcp_levels[i].policies.empty() && !rcp_levels[i].allow) {
      denied(PolicyRole::rcp);
      return finish(Decision::implicitly_denied, "an RCP level allows nothing that matches the request");
    }
  }
  if (!set_.endpoint.empty() && !endpoint.allow) {
    denied(PolicyRole::endpoint);
    return finish(Decision::implicitly_denied, "the VPC endpoint policy does not allow the request");
  }
  if (aws_managed_target()) {
    return finish(Decision::implicitly_denied, "the resource is managed by AWS and cannot be changed");
  }

  const bool resource_allows = resource.allow && resource.grant != PrincipalGrant::none;
  if (!iam_principal) {
    if (resource_allows && resource.grant == PrincipalGrant::exact) {
      return finish(Decision::allowed, "the resource policy allows the caller");
    }
    denied(PolicyRole::resource);
    return finish(Decision::implicitly_denied, "no resource policy statement allows this caller");
  }

  const bool same_account = !request_.principal_account.empty() && request_.principal_account == request_.resource_account;
  const bool session_allows = !session_applies ? kind != RequestKind::federated_user : session.allow;
  if (!same_account) {
    if (!identity.allow && kind != RequestKind::account) {
      denied(PolicyRole::identity);
      return finish(Decision::implicitly_denied, "cross-account: no identity policy allows the request");
    }
    if (has_boundary_ && !boundary.allow) {
      denied(PolicyRole::boundary);
      return finish(Decision::implicitly_denied, "cross-account: the permissions boundary does not allow the request");
    }
    if (session_principal && !session_allows) {
      denied(PolicyRole::session);
      return finish(Decision::implicitly_denied, "cross-account: the session policy does not allow the request");
    }
    if (!resource_allows) {
      denied(PolicyRole::resource);
      return finish(Decision::implicitly_denied, "cross-account: the resource policy does not allow the caller");
    }
    return finish(Decision::allowed, "cross-account: both the caller's policies and the resource policy allow");
  }

  // Same account. A resource policy naming the user, the session or everyone
  // grants on its own: boundaries and session policies do not limit it.
  if (resource_allows && resource.grant == PrincipalGrant::exact) {
    return finish(Decision::allowed, "the resource policy allows the caller by name");
  }
  const bool role_grant = resource_allows && resource.grant == PrincipalGrant::role;
  const bool account_grant = resource_allows && resource.grant == PrincipalGrant::account;
  const bool identity_allows = identity.allow || kind == RequestKind::account;
  const bool granted = needs_resource_policy() ? role_grant || (account_grant && identity_allows)
                                               : role_grant || identity_allows;
  if (!granted) {
    denied(needs_resource_policy() && identity_allows ? PolicyRole::resource : PolicyRole::identity);
    return finish(Decision::implicitly_denied, needs_resource_policy()
                                                   ? "the resource policy must allow the caller and does not"
                                                   : "no identity or resource policy allows the request");
  }
  if (has_boundary_ && !boundary.allow) {
    denied(PolicyRole::boundary);
    return finish(Decision::implicitly_denied, "the permissions boundary does not allow the request");
  }
  if (session_principal && !session_allows) {
    denied(PolicyRole::session);
    return finish(Decision::implicitly_denied, "the session policy does not allow the request");
  }
  return finish(Decision::allowed, role_grant && !identity.allow ? "the resource policy allows the caller's role"
                                                                 : "an identity policy allows the request");
}

}  // namespace
}  // namespace policylint::evaluator

namespace policylint {

std::string_view to_string(Decision decision) noexcept {
  switch (decision) {
    case Decision::allowed: return "Allowed";
    case Decision::implicitly_denied: return "ImplicitlyDenied";
    case Decision::explicitly_denied: return "ExplicitlyDenied";
  }
  return "ImplicitlyDenied";
}

std::string_view to_string(PolicyRole role) noexcept {
  switch (role) {
    case PolicyRole::identity: return "identity";
    case PolicyRole::resource: return "resource";
    case PolicyRole::boundary: return "boundary";
    case PolicyRole::session: return "session";
    case PolicyRole::endpoint: return "endpoint";
    case PolicyRole::scp: return "scp";
    case PolicyRole::rcp: return "rcp";
  }
  return "identity";
}

Decision CompiledPolicySet::decide(const Request& request) const {
  return evaluator::Run(*impl_, request, nullptr).decide();
}

Evaluation CompiledPolicySet::evaluate(const Request& request) const {
  Evaluation evaluation;
  evaluator::Run(*impl_, request, &evaluation).decide();
  return evaluation;
}

}  // namespace policylint
