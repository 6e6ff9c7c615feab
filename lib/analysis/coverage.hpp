#pragma once
// Whether one Action or Resource entry already covers another: everything the
// specific one matches, the general one matches too. Used to find redundant
// entries and statements.
#include <cstddef>
#include <cstdint>
#include <optional>
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

/// For each entry of one Action/NotAction list, the entry that makes it
/// redundant: the first other entry covering it (action_entry_covers),
/// skipping one it covers in turn when that one comes later (of two entries
/// covering each other only the later is redundant). Empty for an entry none
/// covers. Found through CoveringCandidates over the list's distinct
/// spellings, not by testing every pair.
std::vector<std::optional<std::size_t>> covering_actions(PolicyFacts& facts, std::span<const Value> entries);

/// The entries of one Action list that may cover a given entry, found without
/// testing every pair: AWS's ReadOnlyAccess lists thousands of actions in one
/// statement, and testing all pairs of those took seconds. The index is a
/// few sorted arrays, built without a string copy or a node per entry: every
/// statement of every policy builds one.
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
    friend bool operator<(const Spelled& a, const Spelled& b) noexcept {
      return a.hash != b.hash ? a.hash < b.hash : a.entry < b.entry;
    }
  };

  CoveringCandidates(PolicyFacts& facts, std::size_t size);
  void add(std::uint32_t index, const Value& entry);
  void build_index();
  /// The entries whose text has the hash of `text` ignoring case (so mostly,
  /// not always, the same text), in list order.
  std::span<const Spelled> spelled(std::string_view text) const;
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
  /// Every string entry, by hash and then in list order: a sorted array
  /// rather than a hash table, as a list may repeat one entry thousands of
  /// times, and those would make one long probe sequence.
  std::vector<Spelled> spelled_;
  std::vector<Filed> by_service_;  ///< wildcards in the action name only, by service
  std::vector<std::uint32_t> any_service_;  ///< wildcards in the service prefix (or no prefix)
};

/// The entries of Resource lists that may cover a given entry by
/// resource_entry_covers(), found without testing every pair: an entry is
/// covered only by one spelled the same, or by a wildcard pattern whose text
/// before its first wildcard starts the entry and whose text after its last
/// wildcard ends it. The patterns are filed under hashes of those two ends,
/// and a query looks up each of its own prefixes and suffixes that some
/// pattern's end is as long as, then keeps the shorter of the two lists.
class ResourceCandidates {
 public:
  /// Over texts of string entries; an entry's index is its place in `texts`.
  explicit ResourceCandidates(std::span<const std::string_view> texts);

  /// Sets `out` to the indices, in increasing order, of the entries that may
  /// cover `specific`: every entry that does is among them.
  void find(std::string_view specific, std::vector<std::size_t>& out) const;
  /// How many indices find() yields for `specific`, found without building them.
  std::size_t count(std::string_view specific) const;

 private:
  /// An entry filed under the hash of a text.
  struct Filed {
    std::uint64_t hash;
    std::uint32_t entry;
    friend bool operator<(const Filed& a, const Filed& b) noexcept {
      return a.hash != b.hash ? a.hash < b.hash : a.entry < b.entry;
    }
  };
  /// Patterns filed under one end: the prefix before the first wildcard, or
  /// the suffix after the last.
  struct Ends {
    std::vector<Filed> filed;         ///< by hash of the end
    std::vector<std::uint32_t> sizes;  ///< the ends' distinct lengths, ascending
  };
  static std::span<const Filed> filed_under(const std::vector<Filed>& filed, std::uint64_t hash);
  template <class Visit>
  void for_each_end(const Ends& ends, bool suffix, std::string_view specific, Visit visit) const;
  std::size_t count_ends(const Ends& ends, bool suffix, std::string_view specific) const;
  std::size_t count_spelled(std::string_view specific) const;

  std::span<const std::string_view> texts_;
  bool indexed_;
  std::vector<Filed> spelled_;  ///< every entry, by hash of its whole text
  Ends prefixes_;
  Ends suffixes_;
};

/// The same for one Resource/NotResource list (resource_entry_covers),
/// found through ResourceCandidates over its distinct spellings.
std::vector<std::optional<std::size_t>> covering_resources(std::span<const Value> entries);

/// True when every ARN `specific` matches is matched by `general`
/// ("arn:aws:s3:::b/*" covers "arn:aws:s3:::b/logs/*"), by the evaluator's
/// pattern relation (glob_relations.hpp); entries with policy variables cover
/// only their own spelling.
bool resource_entry_covers(std::string_view general, std::string_view specific) noexcept;

}  // namespace policylint::analysis
