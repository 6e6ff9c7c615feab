#pragma once
// Which entry of a list makes each entry redundant, without testing every
// pair: the shared step of redundant actions, resources and statements.
// Entries that cover each other whatever the third (the same text) are put
// in one class and tested once, so a list repeating one entry thousands of
// times costs no more than the entry once.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace policylint::analysis {

/// Entries of a list grouped into classes of entries that cover each other
/// and cover, and are covered by, the same entries.
struct EntryClasses {
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  /// Per entry, its class; kNone for one that neither covers nor is covered.
  std::vector<std::uint32_t> class_of;
  /// Per class, its first entry. Classes are numbered in the order of their
  /// first entries.
  std::vector<std::size_t> first;

  /// Puts the next entry in `found` if it is a known class's, else in a new one.
  void add(std::optional<std::uint32_t> found) {
    if (!found) {
      class_of.push_back(kNone);
      return;
    }
    if (*found == first.size()) {
      first.push_back(class_of.size());
    }
    class_of.push_back(*found);
  }
};

/// The same as first_covering() below by testing every pair of `count`
/// entries, which costs less than the classes and indices for a short list.
template <class Covers>
std::vector<std::optional<std::size_t>> pairwise_first_covering(std::size_t count, Covers covers) {
  std::vector<std::optional<std::size_t>> covering(count);
  for (std::size_t i = 0; i < count; ++i) {
    for (std::size_t j = 0; j < count; ++j) {
      if (i != j && covers(j, i) && !(i < j && covers(i, j))) {
        covering[i] = j;
        break;
      }
    }
  }
  return covering;
}

/// For each entry i, the first other entry j that covers it, skipping one
/// that i covers in turn when j comes later (of two entries covering each
/// other only the later is redundant); empty when there is none. The same
/// as testing every pair in order, given `candidates(c, out)`, which sets
/// `out` to classes, in increasing order, among which is every class that
/// covers class c (c itself may be among them), and `covers(u, c)`, whether
/// class u covers class c.
template <class Candidates, class Covers>
std::vector<std::optional<std::size_t>> first_covering(const EntryClasses& classes, Candidates candidates,
                                                       Covers covers) {
  constexpr std::size_t kNoEntry = std::numeric_limits<std::size_t>::max();
  const std::size_t count = classes.first.size();
  // Per class: the first entry of a class covering it one way only, which
  // makes every entry of the class redundant; and the first entry of a class
  // covering it both ways (its own included), which makes redundant the
  // entries that come after it.
  std::vector<std::size_t> one_way(count, kNoEntry);
  std::vector<std::size_t> both_ways(count, kNoEntry);
  std::vector<std::size_t> found;
  for (std::size_t c = 0; c < count; ++c) {
    both_ways[c] = classes.first[c];
    candidates(c, found);
    // Classes come in the order of their first entries: the first class
    // covering one way ends the search, as no later one can come sooner.
    for (const std::size_t u : found) {
      if (u == c || !covers(u, c)) {
        continue;
      }
      if (!covers(c, u)) {
        one_way[c] = classes.first[u];
        break;
      }
      both_ways[c] = std::min(both_ways[c], classes.first[u]);
    }
  }
  std::vector<std::optional<std::size_t>> covering(classes.class_of.size());
  for (std::size_t i = 0; i < covering.size(); ++i) {
    const std::uint32_t c = classes.class_of[i];
    if (c == EntryClasses::kNone) {
      continue;
    }
    const std::size_t first = std::min(one_way[c], both_ways[c] < i ? both_ways[c] : kNoEntry);
    if (first != kNoEntry) {
      covering[i] = first;
    }
  }
  return covering;
}

}  // namespace policylint::analysis
