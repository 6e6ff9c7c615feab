#include "analysis/policy_facts.hpp"

#include <algorithm>
#include <bit>

#include "analysis/policy_variables.hpp"
#include "text/text_memo.hpp"
#include "policylint/glob.hpp"

namespace policylint::analysis {
namespace {

// Sets of catalog rows (resource types, condition keys) as one bit per row:
// gathering them from thousands of actions needs no sort.
std::size_t row_set_words(std::size_t rows) noexcept { return (rows + 63) / 64; }

void add_row(std::span<std::uint64_t> set, std::uint32_t row) noexcept {
  set[row / 64] |= std::uint64_t{1} << (row % 64);
}

bool has_row(std::span<const std::uint64_t> set, std::uint32_t row) noexcept {
  return (set[row / 64] >> (row % 64) & 1U) != 0;
}

// Each thread's memo of ARN fits keeps at most this many bytes.
constexpr std::size_t kMemoBudget = std::size_t{1} << 20;

}  // namespace

ActionShape action_shape(std::string_view action) noexcept {
  if (is_match_all(action)) {
    return ActionShape::valid;
  }
  if (has_policy_variable(action)) {
    return ActionShape::has_variable;
  }
  // A plain loop: find_first_of with a set calls memchr once per character,
  // and five rules ask this of every Action entry.
  if (std::any_of(action.begin(), action.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; })) {
    return ActionShape::whitespace;
  }
  const std::size_t colon = action.find(':');
  if (colon == std::string_view::npos) {
    return ActionShape::missing_colon;
  }
  if (colon == 0) {
    return ActionShape::empty_service;
  }
  if (colon + 1 == action.size()) {
    return ActionShape::empty_name;
  }
  if (action.find(':', colon + 1) != std::string_view::npos) {
    return ActionShape::extra_colon;
  }
  return ActionShape::valid;
}

const ActionEntry& PolicyFacts::action_entry(const Value& action) {
  const auto [entry, inserted] = action_entries_.try_emplace(&action);
  if (!inserted || action.kind != JsonKind::string) {
    return entry;
  }
  entry.shape = action_shape(action.text);
  entry.wildcard = has_wildcard(action.text);
  if (entry.shape == ActionShape::valid) {
    const std::string_view prefix = std::string_view(action.text).substr(0, action.text.find(':'));
    entry.any_service = entry.wildcard && has_wildcard(prefix);
    if (!entry.any_service) {
      entry.service = catalog::find_service(prefix);
    }
    if (!entry.wildcard) {
      entry.one_ = catalog::find_action(action.text);
    }
    if (entry.one_) {
      entry.actions = {&*entry.one_, 1};
    } else if (entry.wildcard) {
      entry.many_ = catalog::expand(action.text);
      entry.actions = entry.many_;
    }
  }
  return entry;
}

std::span<const catalog::ActionView> PolicyFacts::statement_actions(const Statement& statement) {
  const auto [all, inserted] = statement_actions_.try_emplace(&statement);
  if (!inserted || !statement.action.present) {
    return all;
  }
  for (const Value& value : statement.action.values) {
    const auto actions = actions_of(value);
    all.insert(all.end(), actions.begin(), actions.end());
  }
  // Sorting costs more than a pass over a set of every action once a
  // statement matches more than a few hundred actions (ReadOnlyAccess: 15,000).
  constexpr std::size_t kSortedAtMost = 256;
  if (all.size() <= kSortedAtMost) {
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
  } else {
    ActionSet set;
    set.insert(all);
    const std::vector<catalog::ActionView> listed = set.list();
    all.assign(listed.begin(), listed.end());
  }
  return all;
}

ActionSet PolicyFacts::action_set_of(const Statement& statement) {
  ActionSet set;
  for (const Value& value : statement.actions().values) {
    set.insert(actions_of(value));
  }
  if (statement.actions_negated()) {
    set.complement();
  }
  return set;
}

const ArnSplit& PolicyFacts::arn_split(const Value& resource) {
  const auto [split, inserted] = arn_splits_.try_emplace(&resource);
  if (inserted) {
    split = split_arn(resource.text);
  }
  return split;
}

ArnFit PolicyFacts::arn_fit(const Value& resource) {
  const auto [fit, inserted] = arn_fits_.try_emplace(&resource, ArnFit::not_checked);
  if (inserted && resource.kind == JsonKind::string) {
    // How an ARN fits depends on its text alone, and policies repeat ARNs.
    thread_local TextMemo<ArnFit> memo(kMemoBudget);
    fit = memo.get(resource.text, 0, [&] { return fit_arn(resource.text, arn_split(resource)); });
  }
  return fit;
}

std::span<const catalog::ResourceTypeView> PolicyFacts::statement_resource_types(const Statement& statement) {
  const auto [types, inserted] = statement_resource_types_.try_emplace(&statement);
  if (!inserted) {
    return types;
  }
  std::vector<std::uint64_t>& rows = row_scratch_;
  rows.assign(row_set_words(catalog::counts().resource_types), 0);
  for (const catalog::ActionView action : statement_actions(statement)) {
    for (const catalog::ActionResourceView resource : action.resource_types()) {
      add_row(rows, resource.resource_type().index());
    }
  }
  for (std::size_t word = 0; word < rows.size(); ++word) {
    for (std::uint64_t bits = rows[word]; bits != 0; bits &= bits - 1) {
      types.emplace_back(static_cast<std::uint32_t>(word * 64 + static_cast<std::size_t>(std::countr_zero(bits))));
    }
  }
  return types;
}

const KeyLookup& PolicyFacts::condition_key(const ConditionEntry& entry) {
  const auto [lookup, inserted] = condition_keys_.try_emplace(&entry);
  if (inserted) {
    lookup = look_up_condition_key(entry.key);
  }
  return lookup;
}

bool PolicyFacts::statement_supports_key(const Statement& statement, catalog::ConditionKeyView key) {
  const auto found = statement_keys_.try_emplace(&statement);
  std::pmr::vector<std::uint64_t>& keys = found.facts;  // a name the lambda below may capture
  if (found.inserted) {
    keys.assign(row_set_words(catalog::counts().condition_keys), 0);
    const auto add = [&](catalog::ViewRange<catalog::ConditionKeyView> range) {
      for (const catalog::ConditionKeyView supported : range) {
        add_row(keys, supported.index());
      }
    };
    for (const catalog::ActionView action : statement_actions(statement)) {
      add(action.condition_keys());
      for (const catalog::ActionResourceView resource : action.resource_types()) {
        add(resource.condition_keys());
      }
    }
    for (const catalog::ResourceTypeView type : statement_resource_types(statement)) {
      add(type.condition_keys());
    }
  }
  return has_row(keys, key.index());
}

}  // namespace policylint::analysis
