#pragma once
// The request evaluator: AWS's authorization logic over every policy that
// applies to one request. A policy set (identity policies, a resource policy,
// permissions boundaries, session and VPC endpoint policies, SCPs and RCPs by
// organization level) is compiled once into prepared matchers; each request
// is then decided against it as Allowed, ImplicitlyDenied or
// ExplicitlyDenied, optionally with an explanation of every policy, statement
// and condition. A compiled set is immutable: share it between threads.
//
// Semantics follow docs/simulate.md (AWS documentation first).
#include "policylint/export.hpp"
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policylint/policy.hpp"
#include "policylint/source.hpp"

namespace policylint {

enum class Decision : unsigned char { allowed, implicitly_denied, explicitly_denied };

/// "Allowed", "ImplicitlyDenied", "ExplicitlyDenied".
POLICYLINT_API std::string_view to_string(Decision decision) noexcept;

/// What a policy is to the request.
enum class PolicyRole : unsigned char { identity, resource, boundary, session, endpoint, scp, rcp };

/// "identity", "resource", "boundary", "session", "endpoint", "scp", "rcp".
POLICYLINT_API std::string_view to_string(PolicyRole role) noexcept;

/// One context key's value: a single value, or a list (a multivalued key
/// such as aws:TagKeys; a list of one is still a list).
struct ContextValue {
  std::vector<std::string> values;
  bool multivalued = false;
};

struct ContextEntry {
  std::string key;  ///< matched ignoring case, as IAM does
  ContextValue value;
};

struct Request {
  /// "service:Action".
  std::string action;
  /// The resource ARN. It may hold `*` and `?`: then the request stands for
  /// every resource it matches, an Allow applies when it can match one of
  /// them and a Deny only when it covers them all. "*" alone is every
  /// resource, or with `wildcard_only_action` the literal "*" that actions
  /// without resource-level permissions are authorized against.
  std::string resource;
  /// The account owning the resource; empty takes the ARN's account field.
  std::string resource_account;
  /// An IAM ARN (user, role, root, assumed-role or federated-user session),
  /// a 12-digit account, or a service principal ("lambda.amazonaws.com").
  /// Empty with `anonymous` for an unsigned request.
  std::string principal;
  bool anonymous = false;
  bool wildcard_only_action = false;
  std::vector<ContextEntry> context;
  /// Fill in the keys AWS derives from the principal (aws:PrincipalArn,
  /// aws:PrincipalAccount, aws:PrincipalType, and aws:username for IAM
  /// users) when `context` does not give them.
  bool principal_context = true;
};

/// Why one condition key of one operator held or not.
struct ConditionExplanation {
  std::string op;   ///< as written, e.g. "ForAnyValue:StringLikeIfExists"
  std::string key;  ///< as written
  bool matched = false;
  /// "key absent", "key absent (IfExists)", "value matched", "value did not
  /// match", "ForAllValues: key absent", "multivalued key needs
  /// ForAllValues or ForAnyValue", "unknown operator", ...
  std::string reason;
  SourceRange range;  ///< the key in its policy
};

struct StatementExplanation {
  std::size_t index = 0;  ///< in the policy's Statement list
  std::string sid;
  Effect effect = Effect::missing;
  SourceRange range;
  bool principal_matched = true;  ///< true where the policy has no principal to check
  bool action_matched = false;
  bool resource_matched = false;
  bool conditions_matched = false;
  bool applies = false;  ///< everything above holds
  std::vector<ConditionExplanation> conditions;
};

/// The result of one policy: Allowed when a statement allows, ExplicitlyDenied
/// when one denies, else ImplicitlyDenied.
struct PolicyExplanation {
  PolicyRole role = PolicyRole::identity;
  std::string name;
  std::size_t level = 0;  ///< SCP/RCP: the organization level, 0 = root
  Decision result = Decision::implicitly_denied;
  std::vector<StatementExplanation> statements;
};

struct Evaluation {
  Decision decision = Decision::implicitly_denied;
  /// One sentence: which step of the evaluation decided.
  std::string reason;
  /// The policy roles that denied (explicitly, or implicitly where they must
  /// allow): "scp", "rcp", "endpoint", "resource", "identity", "boundary",
  /// "session".
  std::vector<PolicyRole> denied_by;
  std::vector<PolicyExplanation> policies;
};

class CompiledPolicySet;

/// Collects the policies of one request scenario, then compiles them.
/// Policies are copied in: nothing here needs to outlive compile().
class POLICYLINT_API PolicySetBuilder {
 public:
  PolicySetBuilder();
  ~PolicySetBuilder();
  PolicySetBuilder(PolicySetBuilder&&) noexcept;
  PolicySetBuilder& operator=(PolicySetBuilder&&) noexcept;

  /// Adds a policy. SCPs and RCPs go to the last level begun with
  /// begin_level (a first level is begun when none was).
  void add(PolicyRole role, std::string name, const Policy& policy);
  /// Starts an organization level of SCPs or RCPs, from the root down to the
  /// account. Every SCP level must allow; an RCP level with no policy allows.
  void begin_level(PolicyRole role, std::string name = {});

  std::shared_ptr<const CompiledPolicySet> compile() const;

 private:
  struct Data;
  std::unique_ptr<Data> data_;
};

class POLICYLINT_API CompiledPolicySet {
 public:
  struct Impl;
  explicit CompiledPolicySet(std::unique_ptr<Impl> impl);
  ~CompiledPolicySet();
  CompiledPolicySet(const CompiledPolicySet&) = delete;
  CompiledPolicySet& operator=(const CompiledPolicySet&) = delete;

  /// The decision alone: no allocation beyond the request's own.
  Decision decide(const Request& request) const;
  /// The decision with its explanation.
  Evaluation evaluate(const Request& request) const;

  const Impl& impl() const noexcept { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

/// One case of `policylint simulate --batch`: the shape of the entries of
/// iam-simulate's core engine tests (docs/simulate.md).
struct SimulationCase {
  std::string name;
  Request request;
  std::shared_ptr<const CompiledPolicySet> policies;
};

/// Reads one batch line. On failure returns nothing and says why in `error`
/// (and fills `name` when the line had one).
POLICYLINT_API std::optional<SimulationCase> read_simulation_case(std::string_view json, std::string& name,
                                                                  std::string& error);

/// The evaluation as one JSON object: {"decision", "reason", "deniedBy",
/// "policies": [...]} (docs/simulate.md).
POLICYLINT_API std::string explanation_json(const Evaluation& evaluation);

/// One output line of `policylint simulate --batch` (no newline):
/// {"name", "decision", "explain"}, or {"name", "error"} for a case that
/// could not be read (name null when it had none).
POLICYLINT_API std::string simulation_result_json(std::string_view name, const Evaluation& evaluation);
POLICYLINT_API std::string simulation_error_json(std::string_view name, std::string_view error);

}  // namespace policylint
