#pragma once
// A JSON value tree that remembers where every value and key stood in the
// source. It is the parser's output and the model builder's input; the
// configuration reader (lib/config) uses it too, so that its errors have
// positions. Rules never see it: they see the typed model.
#include <string>
#include <string_view>
#include <vector>

#include "policylint/document.hpp"
#include "policylint/policy.hpp"
#include "policylint/source.hpp"

namespace policylint::json {

struct Member;

struct Node {
  JsonKind kind = JsonKind::null;
  SourceRange range;
  std::string text;  ///< decoded string, number literal, or "true"/"false"
  std::vector<Node> items;      ///< array elements
  std::vector<Member> members;  ///< object members in source order, duplicates kept
};

struct Member {
  std::string key;
  SourceRange key_range;
  Node value;
};

struct ParseOutput {
  bool ok = false;  ///< false after a fatal problem: root is then meaningless
  Node root;
  std::size_t code_points = 0;
  std::size_t whitespace_between_tokens = 0;
};

/// Parses strict JSON (RFC 8259). Problems are appended to `issues`.
ParseOutput parse(std::string_view text, const ParseLimits& limits, std::vector<SyntaxIssue>& issues);

}  // namespace policylint::json
