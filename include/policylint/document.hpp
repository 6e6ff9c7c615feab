#pragma once
// Parsing bytes into a policy document: the JSON text, the problems found
// while reading it, and the typed Policy model when the text could be read.
#include "policylint/export.hpp"
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policylint/policy.hpp"
#include "policylint/policy_type.hpp"
#include "policylint/source.hpp"

namespace policylint {

/// Problems found while reading the JSON text and building the model, before
/// any rule runs. Rules of category `syntax` report them.
enum class SyntaxIssueKind : unsigned char {
  invalid_json,           ///< fatal: no model
  invalid_utf8,           ///< a byte sequence that is not UTF-8
  unsupported_character,  ///< a character IAM rejects (outside TAB, LF, CR, U+0020-U+00FF)
  trailing_content,       ///< text after the top-level value
  duplicate_key,          ///< an object key written twice (the last one is used)
  nesting_too_deep,       ///< fatal: deeper than ParseLimits::max_depth
  too_large,              ///< fatal: longer than ParseLimits::max_bytes
  not_an_object,          ///< the top-level value is not an object: no model
  wrong_type,             ///< a container element of the wrong JSON type
};

struct SyntaxIssue {
  SyntaxIssueKind kind = SyntaxIssueKind::invalid_json;
  SourceRange range;
  std::string detail;  ///< a sentence saying what was found
  std::optional<SourceRange> related;  ///< e.g. the first of two duplicate keys
  std::optional<std::size_t> statement_index;
};

/// Limits that keep hostile input from exhausting time, stack or memory.
struct ParseLimits {
  std::size_t max_bytes = std::size_t{64} << 20;  ///< at most 4 GiB - 1 is honoured
  unsigned max_depth = 64;  ///< objects and arrays nested deeper are refused
};

/// A parsed input. The model is absent when the text is not JSON, is too
/// large or too deep, or is not a JSON object.
struct Document {
  std::string name;  ///< display name (a path, or "-" for stdin)
  std::shared_ptr<const std::string> source;
  std::optional<Policy> policy;
  std::vector<SyntaxIssue> issues;  ///< in source order
  std::size_t code_points = 0;   ///< characters in the text
  std::size_t significant_characters = 0;  ///< characters other than whitespace between JSON tokens
};

/// Reads `bytes` as a policy document. Never throws on bad input: every
/// problem becomes a SyntaxIssue.
POLICYLINT_API Document parse_document(std::string name, std::string bytes, const ParseLimits& limits = {});
/// The same for text the caller shares: the document keeps `source` itself
/// rather than a copy (a null `source` reads as empty text).
POLICYLINT_API Document parse_document(std::string name, std::shared_ptr<const std::string> source,
                                       const ParseLimits& limits = {});

/// Guesses what a policy is used as: guess_policy_type(policy).type (see
/// policylint/policy_type_guess.hpp: a Principal, an Allow of sts:AssumeRole*
/// and the shapes of RCPs and endpoint policies decide).
POLICYLINT_API PolicyType detect_policy_type(const Policy& policy) noexcept;

/// True when the JSON looks like an IAM policy document: an object with a Statement
/// key, or a bare statement (is_bare_statement). Used to skip other JSON in a walk.
POLICYLINT_API bool looks_like_policy(const Document& document) noexcept;

}  // namespace policylint
