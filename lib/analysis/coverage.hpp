#pragma once
// Whether one Action or Resource entry already covers another: everything the
// specific one matches, the general one matches too. Used to find redundant
// entries and statements.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/policy_facts.hpp"
#include "policylint/policy.hpp"

namespace policylint::analysis {

/// True when every action `specific` matches is matched by `general`
/// ("s3:*" covers "s3:Get*"). Entries naming no catalog action cover nothing
/// and are covered only by an entry spelled the same (ignoring case).
bool action_entry_covers(PolicyFacts& facts, const Value& general, const Value& specific);

/// The entries of one Action list that may cover a given entry, found without
/// testing every pair: AWS's ReadOnlyAccess lists thousands of actions in one
/// statement, and testing all pairs of those took seconds.
class CoveringCandidates {
 public:
  CoveringCandidates(PolicyFacts& facts, std::span<const Value> entries);
  /// Over entries of several lists (every Action entry of a policy).
  CoveringCandidates(PolicyFacts& facts, std::span<const Value* const> entries);

  /// Sets `out` to the indices, in increasing order, of the entries that may
  /// cover `specific` by action_entry_covers(): every entry that does is
  /// among them.
  void find(const Value& specific, std::vector<std::size_t>& out) const;
  /// How many indices find() would consider for `specific` before removing
  /// duplicates: an upper bound of its result, found without building it.
  std::size_t count(const Value& specific) const;

 private:
  CoveringCandidates(PolicyFacts& facts, std::size_t size);
  void add(std::size_t index, const Value& entry);
  /// Calls visit(list) for each index list holding candidates for `specific`.
  template <class Visit>
  void visit_lists(const Value& specific, Visit visit) const;

  PolicyFacts& facts_;
  std::size_t size_;
  bool indexed_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_text_;       ///< lower-cased text
  std::unordered_map<std::uint32_t, std::vector<std::size_t>> by_action_;   ///< entries without wildcards
  std::unordered_map<std::uint32_t, std::vector<std::size_t>> by_service_;  ///< wildcards in the action name only
  std::vector<std::size_t> any_service_;  ///< wildcards in the service prefix (or no prefix)
};

/// True when every ARN `specific` matches is matched by `general`
/// ("arn:aws:s3:::b/*" covers "arn:aws:s3:::b/logs/*"). Exact when `general`
/// uses only `*`; entries with policy variables cover only their own spelling.
bool resource_entry_covers(std::string_view general, std::string_view specific) noexcept;

}  // namespace policylint::analysis
