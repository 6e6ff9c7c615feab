#pragma once
// What the catalog knows of a condition key as written in a policy.
#include <optional>
#include <string>
#include <string_view>

#include "policylint/catalog.hpp"

namespace policylint::analysis {

enum class KeyStatus : unsigned char {
  known,                ///< in the catalog (patterned keys included)
  provider_key,         ///< a web identity / OIDC provider key: "accounts.google.com:aud"
  malformed,            ///< not "prefix:name"
  missing_tag_key,      ///< "aws:RequestTag" without "/tag-key"
  unknown_global,       ///< "aws:..." that is not a global key
  unknown_service,      ///< a prefix that is no service
  unknown_service_key,  ///< a known service that has no such key
};

struct KeyLookup {
  KeyStatus status = KeyStatus::malformed;
  std::optional<catalog::ConditionKeyView> key;  ///< set when known
};

KeyLookup look_up_condition_key(std::string_view name);

/// True when a key's type makes it multivalued (ArrayOf...).
inline bool is_multivalued(catalog::ConditionKeyView key) noexcept { return catalog::is_array(key.type()); }

/// When the key is deprecated, what to use instead ("aws:PrincipalArn or
/// aws:SourceArn" for aws:ARN); nothing for a current key. `key` is the
/// catalog key `name` resolves to (look_up_condition_key), if any: rules
/// pass the lookup they already hold.
std::optional<std::string> deprecated_key_replacement(std::string_view name,
                                                      std::optional<catalog::ConditionKeyView> key);

/// True for service keys that describe where a request comes from rather
/// than what it does (ec2:SourceInstanceARN, lambda:SourceFunctionArn,
/// glue:RoleAssumedBy): the service sets them on every call made with the
/// credentials it issued, whatever the action, so the catalog lists them for
/// no action in particular.
bool is_request_origin_key(catalog::ConditionKeyView key);

/// True for keys of the global "aws:" namespace.
bool is_global_key(std::string_view name) noexcept;

}  // namespace policylint::analysis
