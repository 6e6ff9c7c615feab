#pragma once
// Who a Principal names, and which conditions pin the caller down. Shared by
// the trust, resource, RCP and root rules (PL4xx), which all ask "who can
// get in?" of the same Principal element and Condition block.
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "policylint/options.hpp"
#include "policylint/policy.hpp"
#include "policylint/source.hpp"

namespace policylint::analysis {

/// What one principal value names.
enum class PrincipalKind : unsigned char {
  everyone,        ///< "*", {"AWS": "*"}: every principal, anonymous callers included
  account,         ///< "123456789012" or arn:aws:iam::123456789012:root: delegation to the account
  iam_user,        ///< arn:aws:iam::ACCT:user/NAME
  iam_role,        ///< arn:aws:iam::ACCT:role/NAME
  session,         ///< arn:aws:sts::ACCT:assumed-role/... or federated-user/...
  unique_id,       ///< AIDA... (user) or AROA... (role): the entity was deleted
  service,         ///< {"Service": "lambda.amazonaws.com"}
  oidc_provider,   ///< {"Federated": "arn:aws:iam::ACCT:oidc-provider/HOST"} or a web identity host
  saml_provider,   ///< {"Federated": "arn:aws:iam::ACCT:saml-provider/NAME"}
  cognito,         ///< {"Federated": "cognito-identity.amazonaws.com"}
  canonical_user,  ///< {"CanonicalUser": "<64 hex>"}
  other,           ///< anything else (malformed, or an unknown key the grammar rules report)
};

/// One principal value of a Principal/NotPrincipal element.
struct PrincipalRef {
  PrincipalKind kind = PrincipalKind::other;
  std::string_view text;     ///< the value as written ("*" for the bare form)
  std::string_view account;  ///< the 12-digit account, for AWS principals that name one
  /// For federated principals, the provider host (token.actions.githubusercontent.com);
  /// its condition keys are "<host>:aud", "<host>:sub".
  std::string_view provider;
  SourceRange range;
  const Value* value = nullptr;  ///< null for the bare "*"
};

/// Every principal an element names, in source order.
std::vector<PrincipalRef> principals_of(const PrincipalElement& element);

/// Classifies one value of a principal group ("AWS", "Service", "Federated",
/// "CanonicalUser"; compared as written, the grammar rules report other keys).
PrincipalRef classify_principal(std::string_view group_type, const Value& value);

/// True when a principal value holds `*` or `?` anywhere but as the whole value.
bool has_partial_wildcard(std::string_view principal) noexcept;

/// What a condition can pin the caller to. Bits of CallerPins.
enum class Pin : std::uint16_t {
  organization = 1U << 0,    ///< aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:SourceOrgID, aws:SourceOrgPaths
  account = 1U << 1,         ///< aws:PrincipalAccount, aws:SourceAccount, aws:SourceOwner, kms:CallerAccount
  principal_arn = 1U << 2,   ///< aws:PrincipalArn, aws:userid
  source_arn = 1U << 3,      ///< aws:SourceArn
  network = 1U << 4,         ///< aws:SourceVpc, aws:SourceVpce, aws:SourceIp (not 0.0.0.0/0)
  external_id = 1U << 5,     ///< sts:ExternalId
  mfa = 1U << 6,             ///< aws:MultiFactorAuthPresent true, aws:MultiFactorAuthAge bounded
  service = 1U << 7,         ///< aws:PrincipalIsAWSService true, aws:PrincipalServiceName
};

/// The pins a Condition sets. A key pins only when a positive operator
/// without IfExists compares it with a value that is not all wildcards: an
/// absent key then fails the condition, so anonymous callers cannot match.
class CallerPins {
 public:
  bool has(Pin pin) const noexcept { return (bits_ & static_cast<std::uint16_t>(pin)) != 0; }
  /// True when one of `pins` is set.
  bool any_of(std::initializer_list<Pin> pins) const noexcept {
    for (const Pin pin : pins) {
      if (has(pin)) {
        return true;
      }
    }
    return false;
  }
  void add(Pin pin) noexcept { bits_ = static_cast<std::uint16_t>(bits_ | static_cast<std::uint16_t>(pin)); }
  bool empty() const noexcept { return bits_ == 0; }

 private:
  std::uint16_t bits_ = 0;
};

/// What a statement's Condition pins the caller to, when the statement allows.
CallerPins allow_pins(const ConditionElement& condition);

/// What a Deny statement's Condition exempts: the pins of its negated entries
/// (StringNotEquals aws:SourceVpce ...), which leave only pinned callers
/// undenied. Empty when any entry is not such an exemption, since the Deny
/// then covers only some requests.
CallerPins deny_exemptions(const ConditionElement& condition);

/// True when the statement's Principal (not NotPrincipal) names everyone.
bool names_everyone(const Statement& statement);

/// The condition entries on `key` (compared ignoring case), in source order.
std::vector<std::pair<const ConditionBlock*, const ConditionEntry*>> entries_on(const ConditionElement& condition,
                                                                                std::string_view key);

/// The values that positive entries on `key` (not negated, not IfExists, not
/// Null) require the key to match; empty when no entry requires the key, so
/// a request without it cannot pass the condition only if this is non-empty.
std::vector<const Value*> required_values(const ConditionElement& condition, std::string_view key);

/// The 12-digit accounts the `trusted-accounts` rule option lists as the
/// user's own.
std::span<const std::string> trusted_accounts(const LintOptions& options) noexcept;

/// True when the statement allows an sts:AssumeRole* action (a trust statement).
bool allows_assume_role(const Statement& statement);

}  // namespace policylint::analysis
