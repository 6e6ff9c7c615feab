#pragma once
// The compiled form of a policy set and the matchers the evaluator runs on
// it. Everything a request does not change is prepared at compile time:
// lower-cased action patterns, ARN patterns split into fields (short ARNs
// padded or refused as the policy's role wants), principal entries sorted by
// kind, condition operators parsed and their values read as their family
// reads them.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/arn.hpp"
#include "analysis/condition_operator.hpp"
#include "analysis/condition_values.hpp"
#include "policylint/evaluator.hpp"

namespace policylint::evaluator {

// ------------------------------------------------------------ patterns

/// A wildcard pattern in which `literal`, when set, marks (non-zero) the
/// characters that came from a policy variable or a ${*} ${?} ${$} escape:
/// they match only themselves.
struct PatternView {
  std::string_view text;
  const char* literal = nullptr;
  PatternView from(std::size_t offset) const noexcept {
    return {text.substr(offset), literal != nullptr ? literal + offset : nullptr};
  }
};

/// A text with policy variables substituted, and which characters came from them.
struct Resolved {
  std::string text;
  std::vector<char> literal;
  PatternView view() const noexcept { return {text, literal.data()}; }
};

/// Whole-text wildcard match honouring the literal marks.
bool pattern_match(PatternView pattern, std::string_view text, bool fold_case) noexcept;


// ------------------------------------------------------------ request

/// The request as the matchers read it, prepared once per evaluation.
struct PreparedRequest {
  const Request* request = nullptr;
  std::string action_service;  ///< lower-case
  std::string action_name;     ///< lower-case
  std::string action;          ///< lower-case "service:name"
  bool resource_has_wildcard = false;
  bool resource_literal = false;  ///< "*" of a wildcard-only action
  std::string_view resource_account;
  analysis::ArnSplit resource_arn;

  enum class PrincipalKind : unsigned char { anonymous, service, account, user, role, assumed_role, federated_user, other };
  PrincipalKind principal_kind = PrincipalKind::other;
  std::string_view principal_account;
  std::string role_arn;  ///< of an assumed-role session: the role it came from
  /// The resource type prefix of the request's ARN ("instance/"), looked up
  /// in the catalog the first time a pattern needs it.
  mutable std::optional<std::string_view> resource_product;
  /// Keys AWS puts in every signed request's context, derived from the
  /// principal when the request does not give them: aws:PrincipalArn,
  /// aws:PrincipalAccount, aws:PrincipalType, aws:username (IAM users).
  /// Filled the first time a condition or variable asks.
  mutable std::array<std::optional<ContextValue>, 4> derived;

  /// A context value by key, ignoring case (the request's, else a derived
  /// one); null when absent.
  const ContextValue* context(std::string_view key) const;
};

void prepare_request(const Request& request, PreparedRequest& prepared);

/// A value's text cut at its policy variables once, at compile time.
struct VariableTemplate {
  struct Piece {
    enum class Kind : unsigned char { text, variable, escape };
    Kind kind = Kind::text;
    std::string text;  ///< the text, the key, or the escaped character
    bool has_default = false;
    std::string default_value;
  };
  std::vector<Piece> pieces;
};

VariableTemplate compile_variables(std::string_view text);

/// Substitutes the variables (`${key}`, `${key, 'default'}`, `${*}`, `${?}`,
/// `${$}`) from the request. Substituted text is literal. Fails, saying why,
/// when a key is absent without a default or is multivalued.
bool resolve_variables(const VariableTemplate& pieces, const PreparedRequest& request, Resolved& out,
                       std::string* why);

// ------------------------------------------------------------ compiled statements

struct ActionPattern {
  bool all = false;    ///< "*"
  bool never = false;  ///< no "service:" part: matches no action
  std::string service;  ///< lower-case
  std::string name;     ///< lower-case
  bool service_wildcard = false;
  bool name_wildcard = false;
};

struct ResourcePattern {
  enum class Form : unsigned char {
    all,       ///< "*" and the like
    text,      ///< matched as a whole (not an ARN)
    arn,       ///< six fields
    nothing,   ///< a short ARN a resource policy does not expand: matches no resource
    rejected,  ///< an ARN the policy's role does not accept: neither matches nor is excluded
  };
  Form form = Form::text;
  std::string text;  ///< padded to six fields where the role pads short ARNs
  bool padded = false;  ///< a field mismatch of a padded ARN neither matches nor is excluded
  bool has_variables = false;
  /// When has_variables: the variables of the resource part alone, when the
  /// other fields have none (as AWS requires), else of the whole text.
  VariableTemplate variables;
  bool variables_in_resource_only = false;
  /// Where the six ARN fields start and end in `text`.
  std::array<std::uint32_t, 6> field_begin{};
  std::array<std::uint32_t, 6> field_end{};
  SourceRange range;
};

struct PrincipalEntry {
  enum class Kind : unsigned char { everyone, aws_everyone, account, arn, service, federated, canonical_user, other };
  Kind kind = Kind::other;
  std::string value;  ///< an account ID for `account`
};

/// One condition value read in advance for its operator's family.
struct ConditionValue {
  std::string text;
  bool has_variables = false;
  VariableTemplate variables;  ///< when has_variables
  std::optional<double> number;
  std::optional<std::int64_t> date_ms;
  std::optional<analysis::IpRange> ip;
  std::optional<bool> boolean;
};

struct CompiledCondition {
  std::string op_text;
  std::optional<analysis::ConditionOperator> op;
  std::string key;
  std::vector<ConditionValue> values;
  SourceRange range;
};

struct CompiledStatement {
  std::size_t index = 0;
  std::string sid;
  Effect effect = Effect::missing;
  SourceRange range;
  bool has_principal = false;
  bool principal_negated = false;
  std::vector<PrincipalEntry> principals;
  bool has_action = false;
  bool action_negated = false;
  std::vector<ActionPattern> actions;
  bool has_resource = false;
  bool resource_negated = false;
  std::vector<ResourcePattern> resources;
  std::vector<CompiledCondition> conditions;
  bool substitutes_variables = false;
};

/// Statements indexed by what their Action names, so that deciding a
/// request visits only those that can match its action: by the exact action
/// ("s3:getobject"), by service for wildcard names ("s3:get*"), and those for
/// any service (NotAction, `*`, a wildcard service).
struct IndexedStatements {
  std::string key;  ///< lower-case action or service
  std::vector<std::uint32_t> statements;
};

struct CompiledPolicy {
  PolicyRole role = PolicyRole::identity;
  std::string name;
  std::size_t level = 0;
  std::vector<CompiledStatement> statements;
  std::vector<IndexedStatements> by_action;
  std::vector<IndexedStatements> by_service;
  std::vector<std::uint32_t> any_service;
};

struct Level {
  std::string name;
  std::vector<CompiledPolicy> policies;
};

CompiledPolicy compile_policy(PolicyRole role, std::string name, std::size_t level, const Policy& policy);

// ------------------------------------------------------------ matching

bool action_matches(const ActionPattern& pattern, const PreparedRequest& request) noexcept;

/// How a statement's Resource entry met the request resource.
enum class ResourceMatch : unsigned char { match, no_match, error };

/// Matches one entry. `covering` asks for the whole request (a Deny of a
/// request resource with wildcards) rather than some of it (an Allow).
/// Without `errors_matter` (Resource, not NotResource) an error may be
/// reported as a mismatch.
ResourceMatch resource_matches(const ResourcePattern& pattern, const PreparedRequest& request, bool covering,
                               bool substitutes_variables, bool errors_matter);

/// How a resource policy statement's Principal named the caller.
enum class PrincipalGrant : unsigned char {
  none,
  exact,      ///< the user, the session, a service, everyone, or NotPrincipal
  role,       ///< the role a session came from (or the role itself)
  account,    ///< the caller's account: a delegation to its identity policies
};

PrincipalGrant principal_grant(const CompiledStatement& statement, PolicyRole role, const PreparedRequest& request,
                               bool has_boundary);

/// A number as Numeric operators read it ("10", "-2.5", "1e3").
std::optional<double> parse_number(std::string_view text) noexcept;
/// A date in the W3C profile of ISO 8601 or a count of epoch seconds, in
/// milliseconds since the epoch. Counts of 12 digits or more are read as
/// milliseconds (no date AWS accepts is that far off in seconds).
std::optional<std::int64_t> parse_date_ms(std::string_view text) noexcept;

bool condition_holds(const CompiledCondition& condition, const PreparedRequest& request, bool substitutes_variables,
                     std::string* why);

}  // namespace policylint::evaluator

namespace policylint {

struct CompiledPolicySet::Impl {
  std::vector<evaluator::CompiledPolicy> identity;
  std::vector<evaluator::CompiledPolicy> resource;
  std::vector<evaluator::CompiledPolicy> boundary;
  std::vector<evaluator::CompiledPolicy> session;
  std::vector<evaluator::CompiledPolicy> endpoint;
  std::vector<evaluator::Level> scp_levels;
  std::vector<evaluator::Level> rcp_levels;
};

}  // namespace policylint
