#pragma once
// The typed model of an IAM policy document. Every element and every value
// keeps its exact source range, and the JSON shape it was written in, so that
// rules can point at the offending text and tell `"x"` from `["x"]` or `5`
// from `"5"`.
#include "policylint/export.hpp"
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policylint/source.hpp"

namespace policylint {

/// The JSON type a value was written as.
enum class JsonKind : unsigned char { null, boolean, number, string, array, object };

POLICYLINT_API std::string_view to_string(JsonKind kind) noexcept;

/// One scalar value as written: a string's decoded text, a number's literal
/// text, or "true"/"false". Arrays, objects and null have empty text; their
/// presence where a scalar belongs is kept so rules can report it.
struct Value {
  std::string text;
  JsonKind kind = JsonKind::string;
  SourceRange range;
};

/// Where an element's key and value stand in the source.
struct ElementPlace {
  bool present = false;
  std::string key;        ///< the key as written (e.g. "NotAction")
  SourceRange key_range;  ///< the key, quotes included
  SourceRange value_range;
  JsonKind value_kind = JsonKind::null;  ///< the JSON type of the whole value
};

/// An element whose value is a string or an array of strings (Action,
/// Resource, a principal list, condition values). A bare value is a list of
/// one with `was_array` false.
struct ValueList : ElementPlace {
  std::vector<Value> values;
  bool was_array = false;
};

/// An optional element holding one scalar (Version, Id, Sid, Effect).
struct ScalarElement : ElementPlace {
  Value value;
};

/// One "Kind": values pair of a Principal map, e.g. "AWS": ["arn:..."].
struct PrincipalGroup {
  std::string type;  ///< as written: AWS, Service, Federated, CanonicalUser, or anything else
  SourceRange type_range;
  ValueList values;
};

/// Principal or NotPrincipal.
struct PrincipalElement : ElementPlace {
  bool wildcard = false;  ///< written as the bare string "*"
  std::vector<PrincipalGroup> groups;  ///< the map form, in source order
};

/// One condition key and its values, e.g. "aws:SourceIp": ["10.0.0.0/8"].
struct ConditionEntry {
  std::string key;  ///< as written
  SourceRange key_range;
  ValueList values;
};

/// One operator block, e.g. "StringEquals": { ... }.
struct ConditionBlock {
  std::string op;  ///< as written, e.g. "ForAnyValue:StringLikeIfExists"
  SourceRange op_range;
  SourceRange range;  ///< the block's object
  bool was_object = true;
  std::vector<ConditionEntry> entries;
};

struct ConditionElement : ElementPlace {
  std::vector<ConditionBlock> blocks;
};

/// A key the grammar does not define, kept so rules can report it.
struct UnknownElement {
  std::string key;
  SourceRange key_range;
  SourceRange value_range;
};

enum class Effect : unsigned char { missing, allow, deny, invalid };

struct Statement {
  std::size_t index = 0;  ///< 0-based position in the Statement list
  SourceRange range;
  bool was_object = true;  ///< false when the list entry was not a JSON object

  ScalarElement sid;
  ScalarElement effect_element;
  Effect effect = Effect::missing;

  PrincipalElement principal;
  PrincipalElement not_principal;
  ValueList action;
  ValueList not_action;
  ValueList resource;
  ValueList not_resource;
  ConditionElement condition;

  std::vector<UnknownElement> unknown_elements;

  /// The Sid's text, or "" when the statement has none.
  std::string_view sid_text() const noexcept { return sid.present ? std::string_view(sid.value.text) : std::string_view(); }
  /// Action when present, else NotAction.
  const ValueList& actions() const noexcept { return action.present ? action : not_action; }
  bool actions_negated() const noexcept { return !action.present && not_action.present; }
  /// Resource when present, else NotResource.
  const ValueList& resources() const noexcept { return resource.present ? resource : not_resource; }
  bool resources_negated() const noexcept { return !resource.present && not_resource.present; }
  /// Principal when present, else NotPrincipal.
  const PrincipalElement& principals() const noexcept { return principal.present ? principal : not_principal; }
  bool principals_negated() const noexcept { return !principal.present && not_principal.present; }
};

/// A whole policy document.
struct Policy {
  SourceRange range;  ///< the top-level object
  ScalarElement version;
  ScalarElement id;
  ElementPlace statement_element;
  bool statement_was_array = false;
  std::vector<Statement> statements;
  std::vector<UnknownElement> unknown_elements;
};

}  // namespace policylint
