#pragma once
// A JSON value tree that remembers where every value and key stood in the
// source. It is the parser's output and the model builder's input; the
// configuration reader (lib/config) uses it too, so that its errors have
// positions. Rules never see it: they see the typed model.
#include <memory>
#include <memory_resource>
#include <string>
#include <string_view>
#include <vector>

#include "policylint/document.hpp"
#include "policylint/policy.hpp"
#include "policylint/source.hpp"

namespace policylint::json {

struct Member;

struct Node {
  Node() = default;
  /// A node whose lists take their memory from `arena`.
  explicit Node(std::pmr::memory_resource* arena);

  JsonKind kind = JsonKind::null;
  SourceRange range;
  std::string text;  ///< decoded string, number literal, or "true"/"false"
  std::pmr::vector<Node> items;      ///< array elements
  std::pmr::vector<Member> members;  ///< object members in source order, duplicates kept
};

struct Member {
  Member() = default;
  explicit Member(std::pmr::memory_resource* arena) : value(arena) {}

  std::string key;
  SourceRange key_range;
  Node value;
};

// Defined once Member is complete: the constructor may destroy `members`.
inline Node::Node(std::pmr::memory_resource* arena) : items(arena), members(arena) {}

struct ParseOutput {
  /// Where the tree's lists live: a document's thousands of small lists are
  /// carved from a few blocks and released at once with the tree.
  std::unique_ptr<std::pmr::monotonic_buffer_resource> arena = std::make_unique<std::pmr::monotonic_buffer_resource>();
  bool ok = false;  ///< false after a fatal problem: root is then meaningless
  Node root{arena.get()};
  std::size_t code_points = 0;
  std::size_t whitespace_between_tokens = 0;
};

/// Parses strict JSON (RFC 8259). Problems are appended to `issues`.
ParseOutput parse(std::string_view text, const ParseLimits& limits, std::vector<SyntaxIssue>& issues);

}  // namespace policylint::json
