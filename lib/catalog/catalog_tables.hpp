#pragma once
// Layout of the compiled-in IAM catalog. tools/catalog/generate.py writes
// generated/catalog_data.cpp against these structs. Rows are small aggregates
// of integers pointing into one string pool, so the whole catalog is
// constant-initialised data: nothing is parsed, built or allocated at start-up,
// and the generated file compiles in seconds.
//
// Ordering (lookups are binary searches over it):
//   services        by lower-cased prefix
//   actions         by service, then lower-cased action name; so each service's
//                   actions are contiguous and the table order is the stable
//                   order expand() returns
//   resource types  by service, then lower-cased name
//   condition keys  by lower-cased name
// and actions are also indexed by a hash of their lower-cased name.
#include <cstdint>
#include <span>
#include <string_view>

namespace policylint::catalog::detail {

/// A string in the pool: kTables.pool.substr(offset, size).
struct Str {
  std::uint32_t offset;
  std::uint32_t size;
};

/// Rows [first, first + count) of another table.
struct Span {
  std::uint32_t first;
  std::uint32_t count;
};

struct ServiceRow {
  Str prefix;  ///< "s3"
  Str name;    ///< "Amazon S3"
  Span actions;         ///< into Tables::actions
  Span resource_types;  ///< into Tables::resource_types
  bool rcp_supported;   ///< resource control policies apply to the service
};

struct ActionRow {
  Str name;  ///< canonical "service:Action", e.g. "s3:GetObject"
  Str description;
  std::uint16_t service;      ///< index into Tables::services
  std::uint8_t access_level;  ///< policylint::catalog::AccessLevel
  Span resources;             ///< into Tables::action_resources
  Span condition_keys;        ///< into Tables::key_refs
  Span dependent_actions;     ///< into Tables::dependent_actions
};

struct ActionResourceRow {
  std::uint32_t resource_type;  ///< index into Tables::resource_types
  bool required;
  Span condition_keys;  ///< into Tables::key_refs
};

struct ResourceTypeRow {
  Str name;  ///< "object"
  Str arn;   ///< "arn:${Partition}:s3:::${BucketName}/${ObjectName}"
  std::uint16_t service;
  Span condition_keys;  ///< into Tables::key_refs
};

struct ConditionKeyRow {
  Str name;  ///< canonical spelling, placeholders included: "aws:RequestTag/${TagKey}"
  Str description;
  std::uint8_t type;  ///< policylint::catalog::ConditionKeyType
};

struct Tables {
  std::string_view data_version;
  std::string_view pool;
  std::span<const ServiceRow> services;
  std::span<const ActionRow> actions;
  std::span<const ActionResourceRow> action_resources;
  std::span<const ResourceTypeRow> resource_types;
  std::span<const ConditionKeyRow> condition_keys;
  std::span<const std::uint32_t> key_refs;      ///< condition-key indices
  std::span<const Str> dependent_actions;       ///< canonical action names
  std::span<const std::uint32_t> patterned_keys;  ///< keys with ${...} or <...> placeholders
  /// Actions by name_hash() of their name (name_hash.hpp): open addressing
  /// with linear probing over a power-of-two size. A slot holds the hash's
  /// upper 16 bits over the action's index + 1 in the lower 16, or 0 when
  /// empty.
  std::span<const std::uint32_t> action_hash;
};

extern const Tables kTables;

inline std::string_view str(Str s) noexcept { return kTables.pool.substr(s.offset, s.size); }

}  // namespace policylint::catalog::detail
