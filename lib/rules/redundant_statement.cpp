#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "analysis/coverage.hpp"
#include "text/text.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
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

/// What is known of a statement for comparing it with the others. The
/// signatures and the index of its Action entries are worked out on first
/// use: most statements fail a cheaper test first.
class Entry {
 public:
  Entry(analysis::PolicyFacts& facts, const Statement& statement)
      : facts_(&facts), statement_(&statement), comparable_(is_comparable(statement)) {}

  const Statement& statement() const noexcept { return *statement_; }
  bool comparable() const noexcept { return comparable_; }

  const std::string& principals() {
    if (!principals_) {
      principals_ = principal_signature(*statement_);
    }
    return *principals_;
  }

  const std::string& conditions() {
    if (!conditions_) {
      conditions_ = condition_signature(statement_->condition);
    }
    return *conditions_;
  }

  const analysis::CoveringCandidates& actions() {
    if (!actions_) {
      actions_.emplace(*facts_, statement_->action.values);
    }
    return *actions_;
  }

 private:
  analysis::PolicyFacts* facts_;
  const Statement* statement_;
  bool comparable_;
  std::optional<std::string> principals_;
  std::optional<std::string> conditions_;
  std::optional<analysis::CoveringCandidates> actions_;
};

bool all_covered(const std::vector<Value>& specific, const std::vector<Value>& general, auto covers) {
  return std::all_of(specific.begin(), specific.end(), [&](const Value& one) {
    return std::any_of(general.begin(), general.end(), [&](const Value& other) { return covers(other, one); });
  });
}

/// True when every action entry of `inner` is covered by one of `outer`.
bool actions_covered(analysis::PolicyFacts& facts, const Statement& inner, Entry& outer) {
  const analysis::CoveringCandidates& outer_index = outer.actions();
  thread_local std::vector<std::size_t> candidates;  // reused: statements are compared many times
  return std::all_of(inner.action.values.begin(), inner.action.values.end(), [&](const Value& specific) {
    outer_index.find(specific, candidates);
    return std::any_of(candidates.begin(), candidates.end(), [&](std::size_t j) {
      return analysis::action_entry_covers(facts, outer.statement().action.values[j], specific);
    });
  });
}

/// True when `outer` applies to every request `inner` applies to, with the
/// same effect. The cheap tests come first.
bool contains(analysis::PolicyFacts& facts, Entry& outer, Entry& inner) {
  const Statement& outer_statement = outer.statement();
  const Statement& inner_statement = inner.statement();
  if (outer_statement.effect != inner_statement.effect ||
      outer_statement.resource.present != inner_statement.resource.present ||
      outer.principals() != inner.principals() ||
      (outer_statement.condition.present && outer.conditions() != inner.conditions())) {
    return false;
  }
  const auto resource_covers = [](const Value& general, const Value& specific) {
    return general.kind == JsonKind::string && specific.kind == JsonKind::string &&
           analysis::resource_entry_covers(general.text, specific.text);
  };
  return all_covered(inner_statement.resource.values, outer_statement.resource.values, resource_covers) &&
         actions_covered(facts, inner_statement, outer);
}

/// Every Action entry of the comparable statements, and the statement of each.
struct PolicyActions {
  std::vector<const Value*> values;
  std::vector<std::size_t> owners;
};

PolicyActions policy_actions(const std::vector<Entry>& entries) {
  PolicyActions actions;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (!entries[i].comparable()) {
      continue;
    }
    for (const Value& value : entries[i].statement().action.values) {
      actions.values.push_back(&value);
      actions.owners.push_back(i);
    }
  }
  return actions;
}

/// The policy's Action entries, indexed, so that in a policy of many
/// statements a statement is compared only with those holding an entry that
/// can cover one of its own: a policy of thousands of statements is not
/// compared pairwise. Policies of a few statements compare every pair, which
/// costs less than the index.
class OuterCandidates {
 public:
  OuterCandidates(analysis::PolicyFacts& facts, const std::vector<Entry>& entries)
      : entries_(entries.size()), indexed_(entries.size() > kPairwiseAtMost) {
    if (indexed_) {
      actions_ = policy_actions(entries);
      index_.emplace(facts, actions_.values);
    }
  }

  /// Sets `out` to the indices, in increasing order, of the statements that
  /// may contain `inner`: when indexed, those that can cover the entry of
  /// `inner` with the fewest candidates (every entry of `inner` must be covered).
  void find(const Statement& inner, std::vector<std::size_t>& out) const {
    out.clear();
    if (!indexed_) {
      for (std::size_t i = 0; i < entries_; ++i) {
        out.push_back(i);
      }
      return;
    }
    const Value* fewest = nullptr;
    std::size_t fewest_count = 0;
    for (const Value& entry : inner.action.values) {
      const std::size_t count = index_->count(entry);
      if (fewest == nullptr || count < fewest_count) {
        fewest = &entry;
        fewest_count = count;
      }
    }
    index_->find(*fewest, out);
    for (std::size_t& candidate : out) {
      candidate = actions_.owners[candidate];
    }
    out.erase(std::unique(out.begin(), out.end()), out.end());  // a statement's entries are adjacent
  }

 private:
  static constexpr std::size_t kPairwiseAtMost = 16;

  std::size_t entries_;
  bool indexed_;
  PolicyActions actions_;
  std::optional<analysis::CoveringCandidates> index_;
};

void check(RuleContext& context) {
  analysis::PolicyFacts& facts = context.facts();
  const std::vector<Statement>& statements = context.policy().statements;
  std::vector<Entry> entries;
  entries.reserve(statements.size());
  for (const Statement& statement : statements) {
    entries.emplace_back(facts, statement);
  }
  const OuterCandidates outer_candidates(facts, entries);
  std::vector<std::size_t> outers;
  for (std::size_t i = 0; i < statements.size(); ++i) {
    if (!entries[i].comparable()) {
      continue;
    }
    outer_candidates.find(statements[i], outers);
    for (const std::size_t j : outers) {
      if (i == j || !entries[j].comparable() || !contains(facts, entries[j], entries[i])) {
        continue;
      }
      // Two statements containing each other: only the later one is redundant.
      if (i < j && contains(facts, entries[i], entries[j])) {
        continue;
      }
      const std::string verb = statements[i].effect == Effect::deny ? "denies" : "allows";
      Finding& finding = context.report(
          statements[i].range,
          "statement " + std::to_string(i) + " is redundant: statement " + std::to_string(j) + " already " + verb +
              " every action on every resource it names" +
              (statements[j].condition.present ? " under the same conditions" : "") + "; remove it or merge the two",
          &statements[i]);
      finding.related.push_back(RelatedLocation{statements[j].range, "the statement that contains it"});
      break;
    }
  }
}

}  // namespace

extern const Rule redundant_statement{
    {"PL231", "redundant-statement", Severity::suggestion, Category::style,
     "A statement wholly contained in another statement of the policy"},
    RuleInput::policy,
    check,
};

}  // namespace policylint::rules
