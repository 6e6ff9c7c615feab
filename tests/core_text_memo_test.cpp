// TextMemo remembers the answers of a pure function of (text, number), and
// forgets them all when its budget would be exceeded: either way, what it
// returns must be what the function returns.
#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <utility>

#include "text/text_memo.hpp"

using policylint::TextMemo;

namespace {

/// Some pure function of a text and a number.
std::uint64_t answer_for(const std::string& text, std::uint32_t number) {
  std::uint64_t value = number;
  for (const char c : text) {
    value = value * 131 + static_cast<unsigned char>(c);
  }
  return value;
}

}  // namespace

TEST_CASE("a memo asks once per text and number", "[core][memo]") {
  TextMemo<std::uint64_t> memo(std::size_t{1} << 20);
  int asked = 0;
  const auto get = [&](const std::string& text, std::uint32_t number) {
    return memo.get(text, number, [&] {
      ++asked;
      return answer_for(text, number);
    });
  };
  CHECK(get("arn:aws:s3:::bucket/*", 3) == answer_for("arn:aws:s3:::bucket/*", 3));
  CHECK(get("arn:aws:s3:::bucket/*", 3) == answer_for("arn:aws:s3:::bucket/*", 3));
  CHECK(asked == 1);
  CHECK(get("arn:aws:s3:::bucket/*", 4) == answer_for("arn:aws:s3:::bucket/*", 4));  // another number
  CHECK(get("arn:aws:s3:::bucket/", 3) == answer_for("arn:aws:s3:::bucket/", 3));    // a prefix of the text
  CHECK(get("", 3) == answer_for("", 3));
  CHECK(asked == 4);
  CHECK(get("", 3) == answer_for("", 3));
  CHECK(asked == 4);
}

TEST_CASE("a memo answers right on many keys, within a small budget and a large one", "[core][memo]") {
  for (const std::size_t budget : {std::size_t{2000}, std::size_t{1} << 24}) {
    TextMemo<std::uint64_t> memo(budget);
    std::mt19937 random(11);
    std::uniform_int_distribution<int> length(0, 40);
    std::uniform_int_distribution<int> letter('a', 'd');  // few letters: many texts repeat
    std::map<std::pair<std::string, std::uint32_t>, int> asked;
    std::size_t wrong = 0;
    for (int i = 0; i < 20000; ++i) {
      std::string text(static_cast<std::size_t>(length(random) % 6), ' ');
      for (char& c : text) {
        c = static_cast<char>(letter(random));
      }
      const auto number = static_cast<std::uint32_t>(random() % 3);
      const std::uint64_t got = memo.get(text, number, [&] {
        ++asked[{text, number}];
        return answer_for(text, number);
      });
      wrong += got == answer_for(text, number) ? 0 : 1;
    }
    CHECK(wrong == 0);
    std::size_t asked_again = 0;
    for (const auto& [key, times] : asked) {
      asked_again += static_cast<std::size_t>(times - 1);
    }
    if (budget > 2000) {
      CHECK(asked_again == 0);  // everything fits: each key was worked out once
    } else {
      CHECK(asked_again > 0);  // the budget forced it to start again
    }
  }
}
