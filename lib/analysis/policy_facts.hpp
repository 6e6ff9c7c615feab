#pragma once
// Facts several rules derive from the same policy (the actions a pattern
// matches, how an ARN fits the catalog), computed on first use and kept for
// the rest of the document, so no rule expands a pattern another already did.
#include <memory_resource>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "analysis/action_set.hpp"
#include "analysis/arn_resource_types.hpp"
#include "analysis/condition_keys.hpp"
#include "analysis/fact_table.hpp"
#include "policylint/catalog.hpp"
#include "policylint/policy.hpp"

namespace policylint::analysis {

/// Why an Action/NotAction value does not name catalog actions.
enum class ActionShape : unsigned char {
  valid,          ///< "*" or "service:name" (either side may hold wildcards)
  missing_colon,  ///< "s3GetObject"
  empty_service,  ///< ":GetObject"
  empty_name,     ///< "s3:"
  extra_colon,    ///< "s3:Get:Object"
  whitespace,     ///< "s3: GetObject"
  has_variable,   ///< "s3:${aws:username}": IAM does not substitute variables in actions
};

ActionShape action_shape(std::string_view action) noexcept;

/// What rules ask of one Action/NotAction string, worked out once per value.
/// Kept in place by PolicyFacts: `actions` may view the entry's own storage.
struct ActionEntry {
  ActionEntry() = default;
  ActionEntry(const ActionEntry&) = delete;
  ActionEntry& operator=(const ActionEntry&) = delete;

  ActionShape shape = ActionShape::valid;
  bool wildcard = false;     ///< the text holds `*` or `?`
  bool any_service = false;  ///< the service prefix holds `*` or `?` (as "*" does)
  /// The service a well-formed prefix without wildcards names, if known.
  std::optional<catalog::ServiceView> service;
  /// The catalog actions it matches, in the stable order; empty for a
  /// malformed value or one naming nothing known.
  std::span<const catalog::ActionView> actions;

 private:
  friend class PolicyFacts;
  // Most entries name one action: it is kept here rather than in a vector
  // allocated for it.
  std::optional<catalog::ActionView> one_;
  std::vector<catalog::ActionView> many_;
};

class PolicyFacts {
 public:
  /// The facts of one Action/NotAction value; for a value that is not a
  /// string, an entry matching nothing.
  const ActionEntry& action_entry(const Value& action);

  /// The catalog actions one Action/NotAction value matches, in the stable
  /// order; empty for a malformed value or one naming nothing known.
  std::span<const catalog::ActionView> actions_of(const Value& action) { return action_entry(action).actions; }

  /// Every action the statement's Action element matches, in the stable
  /// order; empty when it has NotAction instead.
  std::span<const catalog::ActionView> statement_actions(const Statement& statement);

  /// The actions the statement's Action names, or what its NotAction leaves,
  /// as a set built from the expansions above.
  ActionSet action_set_of(const Statement& statement);

  /// A Resource/NotResource string split as an ARN, split once however many
  /// rules ask.
  const ArnSplit& arn_split(const Value& resource);

  /// How a Resource/NotResource value fits the catalog.
  ArnFit arn_fit(const Value& resource);

  /// Every resource type some action of the statement's Action element acts
  /// on, in catalog order.
  std::span<const catalog::ResourceTypeView> statement_resource_types(const Statement& statement);

  /// What the key of a condition entry is (look_up_condition_key), looked
  /// up once however many rules ask.
  const KeyLookup& condition_key(const ConditionEntry& entry);

  /// True when some action of the statement's Action element supports the
  /// condition key (for the action, or for a resource type it acts on).
  bool statement_supports_key(const Statement& statement, catalog::ConditionKeyView key);

 private:
  // The facts and the lists they hold come from one arena, released with
  // the facts: rules ask for thousands of facts per policy, and an allocation
  // each was a tenth of the run (more on several threads, where malloc
  // locks). The tables' slots do not (see FactTable).
  static constexpr std::size_t kFirstArenaBlock = 8 * 1024;
  std::pmr::monotonic_buffer_resource arena_{kFirstArenaBlock};
  FactTable<Value, ActionEntry> action_entries_{&arena_};
  FactTable<Statement, std::pmr::vector<catalog::ActionView>> statement_actions_{&arena_};
  FactTable<Value, ArnSplit> arn_splits_{&arena_};
  FactTable<Value, ArnFit> arn_fits_{&arena_};
  FactTable<ConditionEntry, KeyLookup> condition_keys_{&arena_};
  FactTable<Statement, std::pmr::vector<catalog::ResourceTypeView>> statement_resource_types_{&arena_};
  FactTable<Statement, std::pmr::vector<std::uint64_t>> statement_keys_{&arena_};  ///< a bit per key
  std::vector<std::uint64_t> row_scratch_;  ///< reused while gathering resource types
};

}  // namespace policylint::analysis
