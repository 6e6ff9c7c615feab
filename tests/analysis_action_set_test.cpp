// ActionSet keeps only the words that hold an action; every operation must
// give what the same operation on a plain set of action indices gives.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <random>
#include <set>
#include <vector>

#include "analysis/action_set.hpp"

namespace {

using policylint::analysis::ActionSet;
using policylint::catalog::ActionView;
using Reference = std::set<std::uint32_t>;

std::uint32_t action_count() { return static_cast<std::uint32_t>(policylint::catalog::counts().actions); }

/// A random set: a few scattered actions, a run of neighbours (a service's
/// actions sit together), or most of the catalog.
Reference random_reference(std::mt19937& random) {
  Reference set;
  const std::uint32_t count = action_count();
  std::uniform_int_distribution<std::uint32_t> any(0, count - 1);
  switch (random() % 4) {
    case 0:
      break;  // empty
    case 1:
      for (int i = 0; i < 8; ++i) set.insert(any(random));
      break;
    case 2: {
      const std::uint32_t start = any(random);
      for (std::uint32_t i = start; i < std::min(count, start + 300); ++i) set.insert(i);
      break;
    }
    default:
      for (std::uint32_t i = 0; i < count; ++i) {
        if (random() % 16 != 0) set.insert(i);
      }
  }
  return set;
}

ActionSet to_action_set(const Reference& reference, std::mt19937& random) {
  std::vector<std::uint32_t> order(reference.begin(), reference.end());
  std::shuffle(order.begin(), order.end(), random);  // inserts in any order, not only the catalog's
  ActionSet set;
  for (const std::uint32_t index : order) set.insert(ActionView(index));
  return set;
}

Reference to_reference(const ActionSet& set) {
  Reference reference;
  set.for_each([&](ActionView action) { reference.insert(action.index()); });
  return reference;
}

}  // namespace

TEST_CASE("ActionSet operations agree with a plain set of actions", "[action-set]") {
  std::mt19937 random(20261203);
  for (int round = 0; round < 300; ++round) {
    const Reference a = random_reference(random);
    const Reference b = random_reference(random);
    const ActionSet set_a = to_action_set(a, random);
    const ActionSet set_b = to_action_set(b, random);

    REQUIRE(to_reference(set_a) == a);
    REQUIRE(set_a.size() == a.size());
    REQUIRE(set_a.empty() == a.empty());
    for (const std::uint32_t index : {0U, action_count() - 1, static_cast<std::uint32_t>(random() % action_count())}) {
      REQUIRE(set_a.contains(ActionView(index)) == (a.count(index) == 1));
    }

    Reference both;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(both, both.end()));
    Reference either;
    std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::inserter(either, either.end()));
    Reference only_a;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::inserter(only_a, only_a.end()));

    REQUIRE(to_reference(set_a & set_b) == both);
    REQUIRE(to_reference(set_a - set_b) == only_a);
    ActionSet joined = set_a;
    joined |= set_b;
    REQUIRE(to_reference(joined) == either);
    REQUIRE(set_a.intersects(set_b) == !both.empty());
    REQUIRE(set_b.intersects(set_a) == !both.empty());
    REQUIRE(set_a.contains_all(set_b) == std::includes(a.begin(), a.end(), b.begin(), b.end()));

    ActionSet flipped = set_a;
    flipped.complement();
    REQUIRE(flipped.size() == action_count() - a.size());
    REQUIRE(!flipped.intersects(set_a));
    flipped.complement();
    REQUIRE(flipped == set_a);  // equal sets compare equal: no empty word is kept
    REQUIRE((set_a - set_a) == ActionSet());
  }
}

TEST_CASE("ActionSet::all holds every action and nothing past the catalog", "[action-set]") {
  const ActionSet all = ActionSet::all();
  REQUIRE(all.size() == action_count());
  REQUIRE(all.contains(ActionView(action_count() - 1)));
  REQUIRE(all.contains_all(ActionSet::matching(std::vector<std::string_view>{"s3:*", "iam:Get*"})));
}
