#pragma once
// Whether one Action or Resource entry already covers another: everything the
// specific one matches, the general one matches too. Used to find redundant
// entries and statements.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/policy_facts.hpp"
#include "policylint/policy.hpp"

namespace policylint::analysis {

/// True when every action `specific` matches is matched by `general`
/// ("s3:*" covers "s3:Get*"). Entries naming no catalog action cover nothing
/// and are covered only by an entry spelled the same (ignoring case).
bool action_entry_covers(PolicyFacts& facts, const Value& general, const Value& specific);
/// The same, given the facts of both (PolicyFacts::action_entry), for callers
/// that test many pairs of the same entries.
bool action_entry_covers(const Value& general, const ActionEntry& general_facts, const Value& specific,
                         const ActionEntry& specific_facts);

/// The entries of one Action list that may cover a given entry, found without
/// testing every pair: AWS's ReadOnlyAccess lists thousands of actions in one
/// statement, and testing all pairs of those took seconds. The index is a
/// hash table of the entries' spellings and a few sorted arrays, built
/// without a string copy or a node per entry: every statement of every
/// policy builds one.
class CoveringCandidates {
 public:
  CoveringCandidates(PolicyFacts& facts, std::span<const Value> entries);
  /// Over entries of several lists (every Action entry of a policy).
  CoveringCandidates(PolicyFacts& facts, std::span<const Value* const> entries);

  /// Sets `out` to the indices, in increasing order, of the entries that may
  /// cover `specific` by action_entry_covers(): every entry that does is
  /// among them.
  void find(const Value& specific, std::vector<std::size_t>& out) const;
  /// An upper bound of how many indices find() yields for `specific`, found
  /// without building them.
  std::size_t count(const Value& specific) const;

 private:
  /// An entry filed under a catalog service index.
  struct Filed {
    std::uint32_t key;
    std::uint32_t entry;
    friend bool operator<(const Filed& a, const Filed& b) noexcept {
      return a.key != b.key ? a.key < b.key : a.entry < b.entry;
    }
  };
  /// A string entry, filed under the hash of its text ignoring case.
  struct Spelled {
    std::uint32_t hash;
    std::uint32_t entry;
    std::string_view text;
  };

  CoveringCandidates(PolicyFacts& facts, std::size_t size);
  void add(std::uint32_t index, const Value& entry);
  void build_index();
  /// Calls visit(const Spelled&) for each entry whose text has the hash of
  /// `text` ignoring case (so mostly, not always, the same text).
  template <class Visit>
  void for_each_spelled(std::string_view text, Visit visit) const;
  /// Where the candidates of an entry are, besides those spelled like it.
  struct Ranges {
    std::string_view action_name;         ///< the one action a wildcard entry matches
    std::span<const Filed> same_service;  ///< wildcards in the action name, of its service
    std::span<const std::uint32_t> any_service;
  };
  Ranges ranges(const Value& specific) const;

  PolicyFacts& facts_;
  std::size_t size_;
  bool indexed_;
  std::vector<Spelled> spelled_;  ///< every string entry, in list order
  /// Open-addressing slots by Spelled::hash, holding an index in spelled_ + 1
  /// (0: empty); at most half full.
  std::vector<std::uint32_t> spelled_slots_;
  std::vector<Filed> by_service_;  ///< wildcards in the action name only, by service
  std::vector<std::uint32_t> any_service_;  ///< wildcards in the service prefix (or no prefix)
};

/// True when every ARN `specific` matches is matched by `general`
/// ("arn:aws:s3:::b/*" covers "arn:aws:s3:::b/logs/*"), by the evaluator's
/// pattern relation (glob_relations.hpp); entries with policy variables cover
/// only their own spelling.
bool resource_entry_covers(std::string_view general, std::string_view specific) noexcept;

}  // namespace policylint::analysis
