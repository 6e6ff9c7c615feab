// Edit distance behind every "did you mean" suggestion: exact up to the
// limit, "too far" beyond it, whatever the lengths and the limit.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <random>
#include <string>
#include <vector>

#include "text/text.hpp"

using policylint::edit_distance;

namespace {

// The textbook full-matrix Levenshtein distance, ignoring ASCII case.
std::size_t full_distance(const std::string& a, const std::string& b) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) {
    d[i][0] = i;
  }
  for (std::size_t j = 0; j <= b.size(); ++j) {
    d[0][j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = d[i - 1][j - 1] + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, substitution});
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

TEST_CASE("edit_distance counts insertions, deletions and substitutions, ignoring case", "[text]") {
  CHECK(edit_distance("s3", "S3", 3) == 0);
  CHECK(edit_distance("ec2", "ecs", 3) == 1);
  CHECK(edit_distance("lambda", "lamda", 3) == 1);
  CHECK(edit_distance("dynamodb", "dynamdob", 3) == 2);
  CHECK(edit_distance("", "iam", 3) == 3);
  CHECK(edit_distance("iam", "", 3) == 3);
  CHECK(edit_distance("", "", 0) == 0);
}

TEST_CASE("edit_distance answers limit + 1 for anything farther than the limit", "[text]") {
  CHECK(edit_distance("kitten", "sitting", 2) == 3);
  CHECK(edit_distance("kitten", "sitting", 3) == 3);
  CHECK(edit_distance("s3", "cloudformation", 2) == 3);
  CHECK(edit_distance("abcdef", "fedcba", 0) == 1);
  CHECK(edit_distance("abc", "abc", 0) == 0);
}

TEST_CASE("edit_distance agrees with the full matrix on random words and limits", "[text]") {
  std::mt19937 random(20261129);  // fixed: the same words every run
  std::uniform_int_distribution<int> length(0, 14);
  std::uniform_int_distribution<int> letter(0, 5);  // few letters: many near misses
  std::uniform_int_distribution<int> upper(0, 3);
  const auto word = [&] {
    std::string text(static_cast<std::size_t>(length(random)), 'a');
    for (char& c : text) {
      c = static_cast<char>((upper(random) == 0 ? 'A' : 'a') + letter(random));
    }
    return text;
  };
  constexpr std::array<std::size_t, 6> kLimits = {0, 1, 2, 3, 5, 20};
  for (int round = 0; round < 3000; ++round) {
    const std::string a = word();
    const std::string b = word();
    const std::size_t exact = full_distance(a, b);
    for (const std::size_t limit : kLimits) {
      INFO(a << " / " << b << " limit " << limit);
      CHECK(edit_distance(a, b, limit) == std::min(exact, limit + 1));
    }
  }
}
