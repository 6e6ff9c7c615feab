#include "analysis/statement_containment.hpp"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>

#include "analysis/coverage.hpp"
#include "analysis/redundancy.hpp"
#include "text/text.hpp"

namespace policylint::analysis {
namespace {

/// The parts in order, each ended by a NUL: the same text for the same set.
std::string joined_sorted(std::vector<std::string>& parts) {
  std::sort(parts.begin(), parts.end());
  std::string joined;
  for (const std::string& part : parts) {
    joined.append(part).append(1, '\0');
  }
  return joined;
}

/// A text equal for two statements exactly when their conditions are the
/// same set of (operator, key, values), whatever the order or key case.
std::string condition_signature(const ConditionElement& condition) {
  std::vector<std::string> parts;
  std::vector<std::string_view> values;
  for (const ConditionBlock& block : condition.blocks) {
    for (const ConditionEntry& entry : block.entries) {
      values.clear();
      for (const Value& value : entry.values.values) {
        values.push_back(value.text);
      }
      std::sort(values.begin(), values.end());
      std::string part = block.op + '\n';
      const std::size_t key_start = part.size();
      part += entry.key;
      std::transform(part.begin() + static_cast<std::ptrdiff_t>(key_start), part.end(),
                     part.begin() + static_cast<std::ptrdiff_t>(key_start), ascii_lower);
      for (const std::string_view value : values) {
        part.append(1, '\n').append(value);
      }
      parts.push_back(std::move(part));
    }
  }
  return joined_sorted(parts);
}

std::string principal_signature(const Statement& statement) {
  const PrincipalElement& principal = statement.principals();
  if (!principal.present) {
    return {};
  }
  std::vector<std::string> parts;
  for (const PrincipalGroup& group : principal.groups) {
    for (const Value& value : group.values.values) {
      parts.push_back(group.type + '\n' + value.text);
    }
  }
  std::string signature = statement.principals_negated() ? "not" : "";
  signature += principal.wildcard ? "*" : "";
  return signature + joined_sorted(parts);
}

bool all_strings(const ValueList& list) {
  return std::all_of(list.values.begin(), list.values.end(),
                     [](const Value& value) { return value.kind == JsonKind::string; });
}

bool is_scalar(const Value& value) {
  return value.kind == JsonKind::string || value.kind == JsonKind::number || value.kind == JsonKind::boolean;
}

bool block_well_formed(const ConditionBlock& block) {
  return block.was_object && std::all_of(block.entries.begin(), block.entries.end(), [](const ConditionEntry& entry) {
           return std::all_of(entry.values.values.begin(), entry.values.values.end(), is_scalar);
         });
}

/// True when the Condition, if any, was read whole: an object of operator
/// objects holding scalar values. A malformed one cannot be compared.
bool condition_well_formed(const ConditionElement& condition) {
  return !condition.present || (condition.value_kind == JsonKind::object &&
                                std::all_of(condition.blocks.begin(), condition.blocks.end(), block_well_formed));
}

/// True when the statement can be compared with others at all: a definite
/// effect, string Action and Resource entries, and a Condition read whole.
bool is_comparable(const Statement& statement) {
  const bool definite_effect = statement.effect == Effect::allow || statement.effect == Effect::deny;
  return definite_effect && statement.action.present && !statement.not_resource.present &&
         !statement.action.values.empty() && all_strings(statement.action) && all_strings(statement.resource) &&
         condition_well_formed(statement.condition);
}

/// Appends `text` to `key` so that no two lists of texts append the same.
void append_field(std::string& key, std::string_view text) {
  const std::size_t size = text.size();
  key.append(reinterpret_cast<const char*>(&size), sizeof size).append(text);
}

/// What a statement is compared by besides its entries: its effect, whether
/// it has a Resource, its principals, and its conditions. `conditions` is
/// "whatever the other's" for a statement without a Condition when it is
/// the containing one, and the signature of its conditions otherwise.
std::string scope_key(const Statement& statement, std::string_view principals, bool any_conditions,
                      std::string_view conditions) {
  std::string key;
  key.push_back(statement.effect == Effect::allow ? 'A' : 'D');
  key.push_back(statement.resource.present ? 'R' : 'r');
  key.push_back(any_conditions ? '*' : 'C');
  append_field(key, principals);
  append_field(key, any_conditions ? std::string_view() : conditions);
  return key;
}

/// A text equal for two statements when they contain the same statements
/// and are contained by the same: the same scope and the same entries.
std::string content_key(const Statement& statement, std::string_view principals, std::string_view conditions) {
  std::string key = scope_key(statement, principals, !statement.condition.present, conditions);
  key.push_back(statement.condition.present ? 'C' : 'c');
  append_field(key, conditions);
  for (const ValueList* list : {&statement.resource, &statement.action}) {
    std::vector<std::string_view> texts;
    texts.reserve(list->values.size());
    for (const Value& value : list->values) {
      texts.push_back(value.text);
    }
    std::sort(texts.begin(), texts.end());
    append_field(key, std::to_string(texts.size()));
    for (const std::string_view text : texts) {
      append_field(key, text);
    }
  }
  return key;
}

/// What is known of a comparable statement for comparing it with the
/// others. The indices of its own entries, for testing whether it contains
/// another, are built on first use.
class Entry {
 public:
  Entry(PolicyFacts& facts, const Statement& statement)
      : facts_(&facts),
        statement_(&statement),
        principals_(principal_signature(statement)),
        conditions_(condition_signature(statement.condition)) {
    resource_texts_.reserve(statement.resource.values.size());
    for (const Value& value : statement.resource.values) {
      resource_texts_.push_back(value.text);
    }
  }

  const Statement& statement() const noexcept { return *statement_; }
  const std::string& principals() const noexcept { return principals_; }
  const std::string& conditions() const noexcept { return conditions_; }
  std::span<const std::string_view> resource_texts() const noexcept { return resource_texts_; }

  const CoveringCandidates& actions() {
    if (!actions_) {
      actions_.emplace(*facts_, statement_->action.values);
    }
    return *actions_;
  }

  const ResourceCandidates& resources() {
    if (!resources_) {
      resources_.emplace(resource_texts_);
    }
    return *resources_;
  }

 private:
  PolicyFacts* facts_;
  const Statement* statement_;
  std::string principals_;
  std::string conditions_;
  std::vector<std::string_view> resource_texts_;
  std::optional<CoveringCandidates> actions_;
  std::optional<ResourceCandidates> resources_;
};

/// True when every Resource entry of `inner` is covered by one of `outer`.
bool resources_covered(Entry& inner, Entry& outer) {
  const ResourceCandidates& outer_index = outer.resources();
  const std::span<const std::string_view> general = outer.resource_texts();
  thread_local std::vector<std::size_t> candidates;  // reused: statements are compared many times
  return std::all_of(inner.resource_texts().begin(), inner.resource_texts().end(), [&](std::string_view specific) {
    outer_index.find(specific, candidates);
    return std::any_of(candidates.begin(), candidates.end(),
                       [&](std::size_t j) { return resource_entry_covers(general[j], specific); });
  });
}

/// True when every action entry of `inner` is covered by one of `outer`.
bool actions_covered(PolicyFacts& facts, const Statement& inner, Entry& outer) {
  const CoveringCandidates& outer_index = outer.actions();
  thread_local std::vector<std::size_t> candidates;
  return std::all_of(inner.action.values.begin(), inner.action.values.end(), [&](const Value& specific) {
    outer_index.find(specific, candidates);
    return std::any_of(candidates.begin(), candidates.end(), [&](std::size_t j) {
      return action_entry_covers(facts, outer.statement().action.values[j], specific);
    });
  });
}

/// True when `outer` applies to every request `inner` applies to, with the
/// same effect. The cheap tests come first.
bool contains(PolicyFacts& facts, Entry& outer, Entry& inner) {
  const Statement& outer_statement = outer.statement();
  const Statement& inner_statement = inner.statement();
  if (outer_statement.effect != inner_statement.effect ||
      outer_statement.resource.present != inner_statement.resource.present ||
      outer.principals() != inner.principals() ||
      (outer_statement.condition.present && outer.conditions() != inner.conditions())) {
    return false;
  }
  return resources_covered(inner, outer) && actions_covered(facts, inner_statement, outer);
}

/// The statements that may contain another, in groups of one scope, each
/// group with its Action and Resource entries indexed: a statement is
/// compared only with those of its scope holding an entry that can cover
/// one of its own, so a policy of thousands of statements is not compared
/// pairwise.
class OuterCandidates {
 public:
  /// Over one representative statement per class.
  OuterCandidates(PolicyFacts& facts, std::vector<Entry>& entries) : entries_(entries) {
    std::unordered_map<std::string, std::size_t> group_of_scope;
    for (std::uint32_t c = 0; c < entries.size(); ++c) {
      const Entry& entry = entries[c];
      const Statement& statement = entry.statement();
      const auto [found, added] = group_of_scope.emplace(
          scope_key(statement, entry.principals(), !statement.condition.present, entry.conditions()), groups_.size());
      if (added) {
        groups_.emplace_back();
      }
      Group& group = groups_[found->second];
      for (const Value& action : statement.action.values) {
        group.actions.push_back(&action);
        group.action_owners.push_back(c);
      }
      for (const std::string_view resource : entry.resource_texts()) {
        group.resources.push_back(resource);
        group.resource_owners.push_back(c);
      }
    }
    for (Group& group : groups_) {
      group.action_index.emplace(facts, group.actions);
      group.resource_index.emplace(group.resources);
    }
    for (std::uint32_t c = 0; c < entries.size(); ++c) {
      const Entry& entry = entries[c];
      const Statement& statement = entry.statement();
      for (const bool any_conditions : {false, true}) {
        const auto found =
            group_of_scope.find(scope_key(statement, entry.principals(), any_conditions, entry.conditions()));
        entries_groups_.push_back(found == group_of_scope.end() ? kNoGroup : found->second);
      }
    }
  }

  /// Sets `out` to the classes, in increasing order, that may contain class
  /// `inner`: in each group of a scope that can contain it, those that can
  /// cover the one entry of `inner` with the fewest candidates (every entry
  /// of `inner` must be covered).
  void find(std::size_t inner, std::vector<std::size_t>& out) const {
    out.clear();
    for (std::size_t side = 0; side < 2; ++side) {
      const std::size_t group_index = entries_groups_[inner * 2 + side];
      if (group_index != kNoGroup) {
        add_candidates(groups_[group_index], entries_[inner], out);
      }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }

 private:
  static constexpr std::size_t kNoGroup = static_cast<std::size_t>(-1);

  struct Group {
    std::vector<const Value*> actions;
    std::vector<std::uint32_t> action_owners;
    std::vector<std::string_view> resources;
    std::vector<std::uint32_t> resource_owners;
    std::optional<CoveringCandidates> action_index;
    std::optional<ResourceCandidates> resource_index;
  };

  static void add_candidates(const Group& group, const Entry& inner, std::vector<std::size_t>& out) {
    const Value* fewest_action = nullptr;
    std::size_t fewest = 0;
    for (const Value& entry : inner.statement().action.values) {
      const std::size_t count = group.action_index->count(entry);
      if (fewest_action == nullptr || count < fewest) {
        fewest_action = &entry;
        fewest = count;
      }
    }
    std::optional<std::string_view> fewest_resource;
    for (const std::string_view entry : inner.resource_texts()) {
      const std::size_t count = group.resource_index->count(entry);
      if (count < fewest) {
        fewest_resource = entry;
        fewest = count;
      }
    }
    thread_local std::vector<std::size_t> found;
    if (fewest_resource) {
      group.resource_index->find(*fewest_resource, found);
      for (const std::size_t i : found) {
        out.push_back(group.resource_owners[i]);
      }
    } else {
      group.action_index->find(*fewest_action, found);
      for (const std::size_t i : found) {
        out.push_back(group.action_owners[i]);
      }
    }
  }

  std::vector<Entry>& entries_;
  std::vector<Group> groups_;
  std::vector<std::size_t> entries_groups_;  ///< per class, its two groups (kNoGroup: none)
};

}  // namespace

bool statement_contains(PolicyFacts& facts, const Statement& outer, const Statement& inner) {
  if (!is_comparable(outer) || !is_comparable(inner)) {
    return false;
  }
  Entry outer_entry(facts, outer);
  Entry inner_entry(facts, inner);
  return contains(facts, outer_entry, inner_entry);
}

std::vector<std::optional<std::size_t>> containing_statements(PolicyFacts& facts,
                                                              std::span<const Statement> statements) {
  // A policy of a few statements compares every pair, which costs less than
  // the indices.
  constexpr std::size_t kPairwiseAtMost = 16;
  if (statements.size() <= kPairwiseAtMost) {
    std::vector<std::optional<Entry>> entries(statements.size());
    for (std::size_t i = 0; i < statements.size(); ++i) {
      if (is_comparable(statements[i])) {
        entries[i].emplace(facts, statements[i]);
      }
    }
    return pairwise_first_covering(statements.size(), [&](std::size_t outer, std::size_t inner) {
      return entries[outer] && entries[inner] && contains(facts, *entries[outer], *entries[inner]);
    });
  }
  // Statements of the same content contain each other and the same others:
  // one class each, compared through one representative.
  EntryClasses classes;
  std::vector<Entry> entries;
  std::unordered_map<std::string, std::uint32_t> class_of_content;
  for (const Statement& statement : statements) {
    if (!is_comparable(statement)) {
      classes.add(std::nullopt);
      continue;
    }
    Entry entry(facts, statement);
    const auto [found, added] = class_of_content.emplace(content_key(statement, entry.principals(), entry.conditions()),
                                                         static_cast<std::uint32_t>(entries.size()));
    if (added) {
      entries.push_back(std::move(entry));
    }
    classes.add(found->second);
  }
  class_of_content = {};
  const OuterCandidates outer_candidates(facts, entries);
  return first_covering(
      classes, [&](std::size_t c, std::vector<std::size_t>& out) { outer_candidates.find(c, out); },
      [&](std::size_t u, std::size_t c) { return contains(facts, entries[u], entries[c]); });
}

}  // namespace policylint::analysis
