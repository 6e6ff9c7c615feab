// Can an ARN pattern from a policy and a resource type's ARN template both
// match some real ARN? Both sides are turned into token sequences of a tiny
// regular language (a character, one character of a class, or any run of a
// class) and the intersection of the two languages is tested for emptiness by
// walking the product of their positions.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "text/text_memo.hpp"
#include "policylint/catalog.hpp"

namespace policylint::catalog {
namespace {

/// Which characters a wildcard or placeholder can stand for.
enum class CharClass : std::uint8_t { any, no_colon, no_colon_or_slash };

struct Token {
  enum class Kind : std::uint8_t { literal, one, run } kind;
  char literal;      ///< for Kind::literal
  CharClass chars;   ///< for Kind::one and Kind::run
};

bool admits(CharClass chars, char c) noexcept {
  switch (chars) {
    case CharClass::any: return true;
    case CharClass::no_colon: return c != ':';
    case CharClass::no_colon_or_slash: return c != ':' && c != '/';
  }
  return false;
}

/// True when some single character is accepted by both tokens (neither is a run-skip).
bool overlap(const Token& a, const Token& b) noexcept {
  if (a.kind == Token::Kind::literal && b.kind == Token::Kind::literal) return a.literal == b.literal;
  if (a.kind == Token::Kind::literal) return admits(b.chars, a.literal);
  if (b.kind == Token::Kind::literal) return admits(a.chars, b.literal);
  return true;  // every class admits letters
}

/// Where the resource part starts: after the fifth colon, or npos for a
/// short ARN (or a bare "*").
std::size_t resource_part_start(std::string_view arn) noexcept {
  std::size_t start = 0;
  for (int field = 0; field < 5; ++field) {
    const std::size_t colon = arn.find(':', start);
    if (colon == std::string_view::npos) return std::string_view::npos;
    start = colon + 1;
  }
  return start;
}

/// `*` -> a run, `?` -> one character, ${...} (a policy variable whose value
/// is unknown offline) -> a run. As with ArnLike, wildcards in the first five
/// fields stay within their field; in the resource part, and in a short
/// pattern such as "*", they match anything.
void tokenize_pattern(std::string_view arn, std::vector<Token>& tokens) {
  const std::size_t resource_start = resource_part_start(arn);
  tokens.clear();
  for (std::size_t i = 0; i < arn.size(); ++i) {
    const char c = arn[i];
    const CharClass chars =
        resource_start != std::string_view::npos && i < resource_start ? CharClass::no_colon : CharClass::any;
    if (c == '*') {
      tokens.push_back({Token::Kind::run, 0, chars});
    } else if (c == '?') {
      tokens.push_back({Token::Kind::one, 0, chars});
    } else if (c == '$' && i + 1 < arn.size() && arn[i + 1] == '{' && arn.find('}', i) != std::string_view::npos) {
      tokens.push_back({Token::Kind::run, 0, chars});
      i = arn.find('}', i);
    } else {
      tokens.push_back({Token::Kind::literal, c, CharClass::any});
    }
  }
}

/// A placeholder ${Name} becomes "one or more characters" of a class chosen
/// as documented at arn_can_match.
void tokenize_template(std::string_view arn, std::vector<Token>& tokens) {
  const std::size_t start = resource_part_start(arn);
  const std::size_t resource_start = start == std::string_view::npos ? arn.size() : start;
  const std::size_t last_open = arn.rfind("${");
  const bool ends_with_placeholder = !arn.empty() && arn.back() == '}' && last_open != std::string_view::npos;
  const bool resource_has_separator =
      last_open != std::string_view::npos && last_open > resource_start &&
      arn.substr(resource_start, last_open - resource_start).find_first_of("/:") != std::string_view::npos;

  tokens.clear();
  for (std::size_t i = 0; i < arn.size(); ++i) {
    const std::size_t close = arn.compare(i, 2, "${") == 0 ? arn.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      tokens.push_back({Token::Kind::literal, arn[i], CharClass::any});
      continue;
    }
    CharClass chars = CharClass::no_colon;
    if (i >= resource_start && ends_with_placeholder && i == last_open) {
      chars = resource_has_separator ? CharClass::any : CharClass::no_colon_or_slash;
    }
    tokens.push_back({Token::Kind::one, 0, chars});
    tokens.push_back({Token::Kind::run, 0, chars});
    i = close;
  }
}

/// Positions of b reached in one row of the product (one position of a),
/// in increasing order.
using Row = std::vector<std::uint32_t>;

/// Adds to `closed` the positions reached from `row` without moving in a: a
/// run of b taking nothing, or a run of a taking one character of b. Both
/// move one step forward in b, so each position starts a contiguous chain.
void close_row(const Token* a_token, const std::vector<Token>& b, const Row& row, Row& closed) {
  const bool a_run = a_token != nullptr && a_token->kind == Token::Kind::run;
  closed.clear();
  for (std::uint32_t j : row) {
    while (closed.empty() || closed.back() < j) {  // a chain already walked covers j
      closed.push_back(j);
      const bool b_run = j < b.size() && b[j].kind == Token::Kind::run;
      const bool a_run_takes_b = a_run && j < b.size() && !b_run && overlap(*a_token, b[j]);
      if (!b_run && !a_run_takes_b) break;
      ++j;
    }
  }
}

/// True when some string matches both token sequences. The product of their
/// positions is walked one position of a at a time, keeping only the reached
/// positions of b: most pairs share a literal text and reach one or two.
bool intersects(const std::vector<Token>& a, const std::vector<Token>& b, Row& row, Row& closed) {
  row.assign(1, 0);
  for (std::size_t i = 0;; ++i) {
    const Token* a_token = i < a.size() ? &a[i] : nullptr;
    close_row(a_token, b, row, closed);
    if (a_token == nullptr) return closed.back() == b.size();
    // Moves to the next position of a. Targets are j or j + 1 for rising j,
    // so the next row comes out sorted, with duplicates only side by side.
    row.clear();
    const auto reach = [&](std::uint32_t j) {
      if (row.empty() || row.back() != j) row.push_back(j);
    };
    for (const std::uint32_t j : closed) {
      if (a_token->kind == Token::Kind::run) {
        reach(j);  // the run of a takes nothing more
      } else if (j < b.size() && overlap(*a_token, b[j])) {
        reach(b[j].kind == Token::Kind::run ? j : j + 1);  // a run of b stays where it is
      }
    }
    if (row.empty()) return false;
  }
}

}  // namespace

bool arn_can_match(std::string_view arn_pattern, ResourceTypeView type) {
  // Rules ask this of the same pairs again and again (an ARN against each
  // action's resource types, in every policy that lists it), and the product
  // walk costs far more than a look-up.
  constexpr std::size_t kMemoBudget = std::size_t{4} << 20;
  thread_local TextMemo<bool> answers(kMemoBudget);
  return answers.get(arn_pattern, type.index(), [&] {
    // Buffers kept per thread spare an allocation for each side and for the
    // product on every call.
    thread_local std::vector<Token> pattern;
    thread_local std::vector<Token> arn_template;
    thread_local Row row;
    thread_local Row closed;
    tokenize_pattern(arn_pattern, pattern);
    tokenize_template(type.arn_template(), arn_template);
    return intersects(pattern, arn_template, row, closed);
  });
}

}  // namespace policylint::catalog
