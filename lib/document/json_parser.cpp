// A strict JSON parser that tracks line, column (in code points) and byte
// offset of every token, reports duplicate keys, invalid UTF-8 and characters
// IAM rejects, and bounds nesting depth so hostile input cannot exhaust the
// stack. nlohmann::json offers none of this, and positions are what a linter
// is for.
#include <bit>
#include <cstdint>
#include <cstring>
#include <deque>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "document/json_tree.hpp"
#include "document/utf8.hpp"

namespace policylint::json {
namespace {

// Objects with more members than this index their keys in a hash map to find
// duplicates; smaller ones scan, which is faster for the usual handful.
constexpr std::size_t kLinearKeyScanLimit = 16;

// The encoding of UTF-16 or UTF-32 text, by its byte order mark or, without
// one, by the NUL bytes around the ASCII character a JSON text starts with
// (RFC 4627, section 3); nothing for other text. UTF-8 JSON never has a NUL
// among its first bytes.
const char* wide_encoding(std::string_view text) noexcept {
  if (text.starts_with(std::string_view("\xFF\xFE\0\0", 4))) return "UTF-32LE";
  if (text.starts_with(std::string_view("\0\0\xFE\xFF", 4))) return "UTF-32BE";
  if (text.starts_with("\xFF\xFE")) return "UTF-16LE";
  if (text.starts_with("\xFE\xFF")) return "UTF-16BE";
  if (text.size() < 4) return nullptr;
  const auto nul = [&](std::size_t i) { return text[i] == '\0'; };
  if (nul(0) && nul(1) && nul(2) && !nul(3)) return "UTF-32BE";
  if (!nul(0) && nul(1) && nul(2) && nul(3)) return "UTF-32LE";
  if (nul(0) && !nul(1) && nul(2) && !nul(3)) return "UTF-16BE";
  if (!nul(0) && nul(1) && !nul(2) && nul(3)) return "UTF-16LE";
  return nullptr;
}

class Parser {
 public:
  Parser(std::string_view text, const ParseLimits& limits, std::vector<SyntaxIssue>& issues)
      : text_(text), limits_(limits), issues_(issues) {}

  ParseOutput run() {
    ParseOutput out;
    out_arena_ = out.arena.get();
    if (text_.size() > limits_.max_bytes || text_.size() >= std::numeric_limits<std::uint32_t>::max()) {
      add_issue(SyntaxIssueKind::too_large, here(), here(),
                "the input is " + std::to_string(text_.size()) + " bytes, more than the limit of " +
                    std::to_string(limits_.max_bytes));
      return out;
    }
    if (const char* encoding = wide_encoding(text_)) {
      fail(here(), std::string("the input is ") + encoding + " text; IAM reads policies only as UTF-8: save the file as "
                       "UTF-8");
      return out;
    }
    skip_byte_order_mark();
    skip_whitespace();
    if (at_end()) {
      fail(here(), "the document is empty; expected a JSON object");
      return out;
    }
    if (!parse_value(out.root, 0)) {
      return out;
    }
    skip_whitespace();
    if (!at_end()) {
      const SourcePosition start = here();
      add_issue(SyntaxIssueKind::trailing_content, start, end_of_text(),
                "unexpected text after the end of the JSON document; a policy is exactly one JSON object");
    }
    out.ok = true;
    out.code_points = count_code_points(text_);
    out.whitespace_between_tokens = whitespace_;
    return out;
  }

 private:
  bool at_end() const noexcept { return pos_ >= text_.size(); }
  char peek() const noexcept { return text_[pos_]; }
  SourcePosition here() const noexcept { return {line_, column_, static_cast<std::uint32_t>(pos_)}; }

  SourcePosition end_of_text() const noexcept {
    // Only used for trailing content; walking to the end keeps the range exact.
    Parser copy = *this;
    while (!copy.at_end()) {
      copy.advance_any();
    }
    return copy.here();
  }

  // Advances over one byte that is not a line break and not inside a UTF-8
  // sequence.
  void advance_ascii() noexcept {
    ++pos_;
    ++column_;
  }

  // Advances over one whole character, whatever it is.
  void advance_any() noexcept {
    const auto byte = static_cast<unsigned char>(text_[pos_]);
    if (byte == '\n') {
      ++pos_;
      ++line_;
      column_ = 1;
      return;
    }
    const std::size_t length = utf8_sequence_length(text_, pos_);
    pos_ += length == 0 ? 1 : length;
    ++column_;
  }

  void add_issue(SyntaxIssueKind kind, SourcePosition begin, SourcePosition end, std::string detail) {
    issues_.push_back(SyntaxIssue{kind, SourceRange{begin, end}, std::move(detail), std::nullopt, std::nullopt});
  }

  bool fail(SourcePosition at, std::string detail) {
    SourcePosition end = at;
    if (!at_end() && at.offset == pos_) {
      Parser copy = *this;
      copy.advance_any();
      end = copy.here();
    }
    add_issue(SyntaxIssueKind::invalid_json, at, end, std::move(detail));
    return false;
  }

  std::string describe_current() const {
    if (at_end()) {
      return "the end of the input";
    }
    const auto byte = static_cast<unsigned char>(peek());
    if (byte < 0x20) {
      return "a control character";
    }
    if (byte >= 0x80) {
      return "a non-ASCII character";
    }
    return std::string("'") + peek() + "'";
  }

  bool fail_expected(std::string_view what) {
    return fail(here(), "expected " + std::string(what) + ", found " + describe_current());
  }

  void skip_byte_order_mark() {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") {
      const SourcePosition start = here();
      pos_ += 3;
      ++column_;
      add_issue(SyntaxIssueKind::unsupported_character, start, here(),
                "the file starts with a byte order mark (U+FEFF), which IAM rejects; save the file as UTF-8 without BOM");
    }
  }

  void skip_whitespace() noexcept {
    while (!at_end()) {
      const char c = peek();
      if (c == ' ' || c == '\t' || c == '\r') {
        advance_ascii();
      } else if (c == '\n') {
        ++pos_;
        ++line_;
        column_ = 1;
      } else {
        return;
      }
      ++whitespace_;
    }
  }

  bool parse_value(Node& node, unsigned depth) {
    if (at_end()) {
      return fail_expected("a value");
    }
    switch (peek()) {
      case '{':
        return parse_object(node, depth + 1);
      case '[':
        return parse_array(node, depth + 1);
      case '"':
        node.kind = JsonKind::string;
        return parse_string(node.text, node.range);
      case 't':
        return parse_literal(node, "true", JsonKind::boolean);
      case 'f':
        return parse_literal(node, "false", JsonKind::boolean);
      case 'n':
        return parse_literal(node, "null", JsonKind::null);
      default:
        if (peek() == '-' || (peek() >= '0' && peek() <= '9')) {
          return parse_number(node);
        }
        return fail_expected("a value");
    }
  }

  bool enter(unsigned depth) {
    if (depth > limits_.max_depth) {
      const SourcePosition at = here();
      add_issue(SyntaxIssueKind::nesting_too_deep, at, SourcePosition{at.line, at.column + 1, at.offset + 1},
                "objects and arrays are nested more than " + std::to_string(limits_.max_depth) +
                    " levels deep; no IAM policy needs that");
      return false;
    }
    return true;
  }

  bool parse_object(Node& node, unsigned depth) {
    if (!enter(depth)) {
      return false;
    }
    node.kind = JsonKind::object;
    node.range.begin = here();
    advance_ascii();  // {
    skip_whitespace();
    std::unordered_map<std::string, std::size_t> key_index;
    if (!at_end() && peek() == '}') {
      advance_ascii();
      node.range.end = here();
      return true;
    }
    std::vector<Member>& members = scratch_at(member_scratch_, depth);
    while (true) {
      skip_whitespace();
      if (at_end() || peek() != '"') {
        return fail_expected("a member name in double quotes");
      }
      Member member(out_arena_);
      if (!parse_string(member.key, member.key_range)) {
        return false;
      }
      note_duplicate(members, member, key_index);
      skip_whitespace();
      if (at_end() || peek() != ':') {
        return fail_expected("':' after the member name");
      }
      advance_ascii();
      skip_whitespace();
      if (!parse_value(member.value, depth)) {
        return false;
      }
      members.push_back(std::move(member));
      skip_whitespace();
      if (!at_end() && peek() == ',') {
        advance_ascii();
        continue;
      }
      if (!at_end() && peek() == '}') {
        advance_ascii();
        node.range.end = here();
        move_into(members, node.members);
        return true;
      }
      return fail_expected("',' or '}' after an object member");
    }
  }

  // Reports `member` when its key already appeared in `object`. Small objects
  // are scanned; large ones build `key_index` once and keep it up to date.
  void note_duplicate(const std::vector<Member>& earlier_members, const Member& member,
                      std::unordered_map<std::string, std::size_t>& key_index) {
    const Member* first = nullptr;
    if (earlier_members.size() < kLinearKeyScanLimit) {
      for (const Member& earlier : earlier_members) {
        if (earlier.key == member.key) {
          first = &earlier;
          break;
        }
      }
    } else {
      if (key_index.empty()) {
        for (std::size_t i = 0; i < earlier_members.size(); ++i) {
          key_index.emplace(earlier_members[i].key, i);
        }
      }
      if (auto found = key_index.find(member.key); found != key_index.end()) {
        first = &earlier_members[found->second];
      } else {
        key_index.emplace(member.key, earlier_members.size());
      }
    }
    if (first != nullptr) {
      issues_.push_back(SyntaxIssue{SyntaxIssueKind::duplicate_key, member.key_range,
                                    "the key \"" + member.key +
                                        "\" appears twice in one object; JSON parsers disagree on which one counts",
                                    first->key_range, std::nullopt});
    }
  }

  bool parse_array(Node& node, unsigned depth) {
    if (!enter(depth)) {
      return false;
    }
    node.kind = JsonKind::array;
    node.range.begin = here();
    advance_ascii();  // [
    skip_whitespace();
    if (!at_end() && peek() == ']') {
      advance_ascii();
      node.range.end = here();
      return true;
    }
    std::vector<Node>& items = scratch_at(item_scratch_, depth);
    while (true) {
      skip_whitespace();
      Node item(out_arena_);
      if (!parse_value(item, depth)) {
        return false;
      }
      items.push_back(std::move(item));
      skip_whitespace();
      if (!at_end() && peek() == ',') {
        advance_ascii();
        continue;
      }
      if (!at_end() && peek() == ']') {
        advance_ascii();
        node.range.end = here();
        move_into(items, node.items);
        return true;
      }
      return fail_expected("',' or ']' after an array element");
    }
  }

  bool parse_literal(Node& node, std::string_view word, JsonKind kind) {
    node.range.begin = here();
    if (text_.substr(pos_, word.size()) != word) {
      return fail_expected("a value (strings need double quotes)");
    }
    pos_ += word.size();
    column_ += static_cast<std::uint32_t>(word.size());
    node.kind = kind;
    if (kind == JsonKind::boolean) {
      node.text = word;
    }
    node.range.end = here();
    return true;
  }

  bool is_digit() const noexcept { return !at_end() && peek() >= '0' && peek() <= '9'; }

  bool parse_digits() {
    if (!is_digit()) {
      return fail_expected("a digit");
    }
    while (is_digit()) {
      advance_ascii();
    }
    return true;
  }

  bool parse_number(Node& node) {
    node.kind = JsonKind::number;
    node.range.begin = here();
    const std::size_t start = pos_;
    if (peek() == '-') {
      advance_ascii();
    }
    if (!at_end() && peek() == '0') {
      advance_ascii();
      if (is_digit()) {
        return fail(here(), "numbers must not have leading zeros");
      }
    } else if (!parse_digits()) {
      return false;
    }
    if (!at_end() && peek() == '.') {
      advance_ascii();
      if (!parse_digits()) {
        return false;
      }
    }
    if (!at_end() && (peek() == 'e' || peek() == 'E')) {
      advance_ascii();
      if (!at_end() && (peek() == '+' || peek() == '-')) {
        advance_ascii();
      }
      if (!parse_digits()) {
        return false;
      }
    }
    node.text.assign(text_.substr(start, pos_ - start));
    node.range.end = here();
    return true;
  }

  static bool is_plain_string_byte(unsigned char byte) noexcept {
    return byte >= 0x20 && byte < 0x80 && byte != '"' && byte != '\\';
  }

  // Where the run of plain string bytes starting at `from` ends. Strings are
  // most of a policy's bytes, so eight are tested at once: the lowest byte
  // flagged as a quote, a backslash, a control or a non-ASCII byte is exact
  // (a false flag can only follow a true one).
  std::size_t plain_run_end(std::size_t from) const noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    const auto zero_bytes = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
    std::size_t at = from;
    if constexpr (std::endian::native == std::endian::little) {
      for (; at + 8 <= text_.size(); at += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, text_.data() + at, 8);
        const std::uint64_t flagged = zero_bytes(word ^ (ones * '"')) | zero_bytes(word ^ (ones * '\\')) |
                                      ((word - ones * 0x20) & ~word & highs) | (word & highs);
        if (flagged != 0) {
          return at + static_cast<std::size_t>(std::countr_zero(flagged)) / 8;
        }
      }
    }
    while (at < text_.size() && is_plain_string_byte(static_cast<unsigned char>(text_[at]))) {
      ++at;
    }
    return at;
  }

  // Parses a string token at the current position into `out`.
  bool parse_string(std::string& out, SourceRange& range) {
    range.begin = here();
    advance_ascii();  // opening quote
    bool reported_character = false;
    while (true) {
      const std::size_t run_start = pos_;
      pos_ = plain_run_end(pos_);
      column_ += static_cast<std::uint32_t>(pos_ - run_start);
      out.append(text_.substr(run_start, pos_ - run_start));
      if (at_end()) {
        return fail(range.begin, "this string is never closed: a '\"' is missing");
      }
      const auto byte = static_cast<unsigned char>(peek());
      if (byte == '"') {
        advance_ascii();
        range.end = here();
        return true;
      }
      if (byte == '\\') {
        if (!parse_escape(out, reported_character)) {
          return false;
        }
        continue;
      }
      if (byte < 0x20) {
        return fail(here(), byte == '\n' ? std::string("a line break inside a string; write it as \\n or close the string")
                                         : std::string("a raw control character inside a string; escape it"));
      }
      decode_multibyte(out, reported_character);
    }
  }

  void decode_multibyte(std::string& out, bool& reported_character) {
    const SourcePosition at = here();
    const std::size_t length = utf8_sequence_length(text_, pos_);
    if (length == 0) {
      ++pos_;
      ++column_;
      add_issue(SyntaxIssueKind::invalid_utf8, at, here(),
                "this byte is not valid UTF-8; IAM policies must be UTF-8 text");
      out.append("\xEF\xBF\xBD");
      return;
    }
    const char32_t code_point = decode_utf8(text_.substr(pos_, length));
    out.append(text_.substr(pos_, length));
    pos_ += length;
    ++column_;
    note_character(code_point, at, reported_character);
  }

  void note_character(char32_t code_point, SourcePosition at, bool& reported_character) {
    if (reported_character || iam_allows_character(code_point)) {
      return;
    }
    reported_character = true;
    add_issue(SyntaxIssueKind::unsupported_character, at, here(),
              "the character " + describe_code_point(code_point) +
                  " is outside what IAM accepts (tab, line breaks and U+0020 to U+00FF)");
  }

  static int hex_value(char c) noexcept {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  // The four hexadecimal digits at `at`, without moving; empty when they are
  // not there.
  std::optional<std::uint32_t> hex4_at(std::size_t at) const noexcept {
    if (at + 4 > text_.size()) {
      return std::nullopt;
    }
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      const int digit = hex_value(text_[at + i]);
      if (digit < 0) {
        return std::nullopt;
      }
      value = value * 16 + static_cast<std::uint32_t>(digit);
    }
    return value;
  }

  void skip_ascii(std::size_t count) noexcept {
    pos_ += count;
    column_ += static_cast<std::uint32_t>(count);
  }

  bool parse_escape(std::string& out, bool& reported_character) {
    const SourcePosition at = here();
    advance_ascii();  // backslash
    if (at_end()) {
      return fail_expected("an escape character after '\\'");
    }
    const char c = peek();
    switch (c) {
      case '"': out.push_back('"'); break;
      case '\\': out.push_back('\\'); break;
      case '/': out.push_back('/'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'u': {
        advance_ascii();
        const std::optional<std::uint32_t> unit = hex4_at(pos_);
        if (!unit) {
          return fail_expected("four hexadecimal digits after \\u");
        }
        skip_ascii(4);
        char32_t code_point = *unit;
        if (*unit >= 0xD800 && *unit <= 0xDBFF && text_.substr(pos_, 2) == "\\u") {
          const std::optional<std::uint32_t> low = hex4_at(pos_ + 2);
          if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
            code_point = 0x10000 + ((*unit - 0xD800) << 10) + (*low - 0xDC00);
            skip_ascii(6);
          }
        }
        if (code_point >= 0xD800 && code_point <= 0xDFFF) {
          add_issue(SyntaxIssueKind::invalid_utf8, at, here(),
                    "this \\u escape is half of a UTF-16 surrogate pair and encodes no character");
          out.append("\xEF\xBF\xBD");
          return true;
        }
        append_utf8(out, code_point);
        note_character(code_point, at, reported_character);
        return true;
      }
      default:
        return fail(at, std::string("'\\") + (static_cast<unsigned char>(c) < 0x80 ? std::string(1, c) : "") +
                            "' is not a JSON escape; use one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
    }
    advance_ascii();
    return true;
  }

  std::pmr::memory_resource* out_arena_ = nullptr;  ///< the output's, for the lists of the tree
  // An object's members and an array's items are gathered here, one list
  // per depth reused from value to value, and moved to the arena once
  // complete, at their final size: lists grown in place in the arena left
  // every outgrown copy behind (a 2 MiB policy's tree took 35 MB, half of
  // it outgrown lists). A deque, so that a deeper list does not move the
  // ones the enclosing values are filling.
  std::deque<std::vector<Member>> member_scratch_;
  std::deque<std::vector<Node>> item_scratch_;

  /// The (empty) list of depth `depth` in `scratch`.
  template <class T>
  static std::vector<T>& scratch_at(std::deque<std::vector<T>>& scratch, unsigned depth) {
    if (scratch.size() <= depth) {
      scratch.resize(depth + 1);
    }
    scratch[depth].clear();
    return scratch[depth];
  }

  /// Moves the gathered `from` into `to` in one allocation of its size.
  template <class T>
  static void move_into(std::vector<T>& from, std::pmr::vector<T>& to) {
    to.reserve(from.size());
    std::move(from.begin(), from.end(), std::back_inserter(to));
    from.clear();
  }
  std::string_view text_;
  const ParseLimits& limits_;
  std::vector<SyntaxIssue>& issues_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
  std::uint32_t column_ = 1;
  std::size_t whitespace_ = 0;
};

}  // namespace

ParseOutput parse(std::string_view text, const ParseLimits& limits, std::vector<SyntaxIssue>& issues) {
  return Parser(text, limits, issues).run();
}

}  // namespace policylint::json
