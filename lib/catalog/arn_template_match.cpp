// Can an ARN pattern from a policy and a resource type's ARN template both
// match some real ARN? Both sides are turned into token sequences of a tiny
// regular language (a character, one character of a class, or any run of a
// class) and the intersection of the two languages is tested for emptiness by
// walking the product of their positions.
#include <cstddef>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

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

bool intersects(const std::vector<Token>& a, const std::vector<Token>& b, std::vector<bool>& reached) {
  const std::size_t width = b.size() + 1;
  reached.assign((a.size() + 1) * width, false);
  reached[0] = true;
  // Every step moves forward in a, in b or in both, so visiting positions in
  // row-major order sees each state after all of its predecessors.
  for (std::size_t i = 0; i <= a.size(); ++i) {
    for (std::size_t j = 0; j <= b.size(); ++j) {
      if (!reached[i * width + j]) continue;
      if (i == a.size() && j == b.size()) return true;
      const bool a_run = i < a.size() && a[i].kind == Token::Kind::run;
      const bool b_run = j < b.size() && b[j].kind == Token::Kind::run;
      if (a_run) reached[(i + 1) * width + j] = true;  // the run takes no characters
      if (b_run) reached[i * width + j + 1] = true;
      if (i < a.size() && j < b.size() && overlap(a[i], b[j]) && !(a_run && b_run)) {
        // One shared character; a run stays where it is, anything else moves on.
        reached[(a_run ? i : i + 1) * width + (b_run ? j : j + 1)] = true;
      }
    }
  }
  return false;
}

/// An (ARN pattern, resource type) pair, owned and viewed, for the answers
/// arn_can_match remembers; the hash and equality take either form.
struct MatchKey {
  std::string arn;
  std::uint32_t type;
};
struct MatchKeyView {
  std::string_view arn;
  std::uint32_t type;
};
struct MatchKeyHash {
  using is_transparent = void;
  std::size_t operator()(MatchKeyView key) const noexcept {
    return std::hash<std::string_view>{}(key.arn) ^ (std::size_t{key.type} * 0x9E3779B97F4A7C15ULL);
  }
  std::size_t operator()(const MatchKey& key) const noexcept { return (*this)(MatchKeyView{key.arn, key.type}); }
};
struct MatchKeyEqual {
  using is_transparent = void;
  template <class A, class B>
  bool operator()(const A& a, const B& b) const noexcept {
    return a.type == b.type && std::string_view(a.arn) == std::string_view(b.arn);
  }
};

}  // namespace

bool arn_can_match(std::string_view arn_pattern, ResourceTypeView type) {
  // Rules ask this of the same pairs again and again (an ARN against each
  // action's resource types, in every policy that lists it), and the product
  // walk costs far more than a lookup: answers are kept per thread, by
  // content, and forgotten wholesale when the table grows large.
  constexpr std::size_t kRemembered = std::size_t{1} << 16;
  thread_local std::unordered_map<MatchKey, bool, MatchKeyHash, MatchKeyEqual> answers;
  const MatchKeyView key{arn_pattern, type.index()};
  if (const auto found = answers.find(key); found != answers.end()) return found->second;
  // Buffers kept per thread spare an allocation for each side and for the
  // product on every call.
  thread_local std::vector<Token> pattern;
  thread_local std::vector<Token> arn_template;
  thread_local std::vector<bool> reached;
  tokenize_pattern(arn_pattern, pattern);
  tokenize_template(type.arn_template(), arn_template);
  const bool answer = intersects(pattern, arn_template, reached);
  if (answers.size() == kRemembered) answers.clear();
  answers.emplace(MatchKey{std::string(arn_pattern), type.index()}, answer);
  return answer;
}

}  // namespace policylint::catalog
