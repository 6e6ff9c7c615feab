// FactTable keeps PolicyFacts' facts by node address: each key gets its own
// facts, made once, and references to them stay valid while more are added.
#include <catch2/catch.hpp>

#include <memory_resource>
#include <vector>

#include "analysis/fact_table.hpp"

using policylint::analysis::FactTable;

TEST_CASE("a fact table makes each key's facts once and keeps them in place", "[analysis][facts]") {
  std::pmr::monotonic_buffer_resource arena;
  FactTable<int, int> table(&arena);
  std::vector<int> keys(5000);  // neighbouring addresses, as a statement's values are
  std::vector<int*> first_seen;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const auto [facts, inserted] = table.try_emplace(&keys[i], static_cast<int>(i) * 3);
    CHECK(inserted);
    first_seen.push_back(&facts);
  }
  std::size_t wrong = 0;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const auto [facts, inserted] = table.try_emplace(&keys[i], -1);
    wrong += !inserted && &facts == first_seen[i] && facts == static_cast<int>(i) * 3 ? 0 : 1;
  }
  CHECK(wrong == 0);
}
