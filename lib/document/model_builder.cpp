// Turns the JSON tree into the typed Policy model. Element names are matched
// exactly (IAM's element names are case-sensitive); anything else is kept as
// an unknown element. When a key repeats, the last one wins, as in most JSON
// parsers; the parser has already reported the duplicate.
#include "document/model_builder.hpp"

#include <string>
#include <utility>

namespace policylint {
namespace {

class Builder {
 public:
  explicit Builder(std::vector<SyntaxIssue>& issues) : issues_(issues) {}

  Policy build(json::Node&& root) {
    Policy policy;
    policy.range = root.range;
    for (json::Member& member : root.members) {
      if (member.key == "Version") {
        policy.version = scalar(member);
      } else if (member.key == "Id") {
        policy.id = scalar(member);
      } else if (member.key == "Statement") {
        policy.statement_element = place(member);
        policy.statements.clear();
        statements(member.value, policy);
      } else {
        policy.unknown_elements.push_back(unknown(member));
      }
    }
    return policy;
  }

 private:
  static ElementPlace place(const json::Member& member) {
    ElementPlace p;
    p.present = true;
    p.key = member.key;
    p.key_range = member.key_range;
    p.value_range = member.value.range;
    p.value_kind = member.value.kind;
    return p;
  }

  static UnknownElement unknown(const json::Member& member) {
    return UnknownElement{member.key, member.key_range, member.value.range};
  }

  static Value value(json::Node&& node) { return Value{std::move(node.text), node.kind, node.range}; }

  static ScalarElement scalar(json::Member& member) {
    ScalarElement element;
    static_cast<ElementPlace&>(element) = place(member);
    element.value = value(std::move(member.value));
    return element;
  }

  static ValueList list(json::Member& member) {
    ValueList element;
    static_cast<ElementPlace&>(element) = place(member);
    list_values(std::move(member.value), element);
    return element;
  }

  // Fills `out` from a bare value or an array of values.
  static void list_values(json::Node&& node, ValueList& out) {
    out.values.clear();
    if (node.kind == JsonKind::array) {
      out.was_array = true;
      out.values.reserve(node.items.size());
      for (json::Node& item : node.items) {
        out.values.push_back(value(std::move(item)));
      }
    } else {
      out.was_array = false;
      out.values.push_back(value(std::move(node)));
    }
  }

  void wrong_type(const json::Node& node, std::string what, std::optional<std::size_t> statement) {
    issues_.push_back(SyntaxIssue{SyntaxIssueKind::wrong_type, node.range,
                                  std::move(what) + ", not " + article(node.kind), std::nullopt, statement});
  }

  static std::string article(JsonKind kind) {
    switch (kind) {
      case JsonKind::array:
        return "an array";
      case JsonKind::object:
        return "an object";
      case JsonKind::null:
        return "null";
      default:
        return "a " + std::string(to_string(kind));
    }
  }

  void statements(json::Node& node, Policy& policy) {
    if (node.kind == JsonKind::object) {
      policy.statement_was_array = false;
      policy.statements.push_back(statement(std::move(node), 0));
    } else if (node.kind == JsonKind::array) {
      policy.statement_was_array = true;
      policy.statements.reserve(node.items.size());
      for (json::Node& item : node.items) {
        const std::size_t index = policy.statements.size();
        if (item.kind == JsonKind::object) {
          policy.statements.push_back(statement(std::move(item), index));
        } else {
          wrong_type(item, "each entry of Statement must be an object", index);
          Statement broken;
          broken.index = index;
          broken.range = item.range;
          broken.was_object = false;
          policy.statements.push_back(std::move(broken));
        }
      }
    } else {
      wrong_type(node, "Statement must be an object or an array of objects", std::nullopt);
    }
  }

  Statement statement(json::Node&& node, std::size_t index) {
    Statement s;
    s.index = index;
    s.range = node.range;
    for (json::Member& member : node.members) {
      const std::string& key = member.key;
      if (key == "Sid") {
        s.sid = scalar(member);
      } else if (key == "Effect") {
        s.effect_element = scalar(member);
        s.effect = effect(s.effect_element.value);
      } else if (key == "Principal") {
        s.principal = principal(member, index);
      } else if (key == "NotPrincipal") {
        s.not_principal = principal(member, index);
      } else if (key == "Action") {
        s.action = list(member);
      } else if (key == "NotAction") {
        s.not_action = list(member);
      } else if (key == "Resource") {
        s.resource = list(member);
      } else if (key == "NotResource") {
        s.not_resource = list(member);
      } else if (key == "Condition") {
        s.condition = condition(member, index);
      } else {
        s.unknown_elements.push_back(unknown(member));
      }
    }
    return s;
  }

  static Effect effect(const Value& v) {
    if (v.kind != JsonKind::string) {
      return Effect::invalid;
    }
    if (v.text == "Allow") {
      return Effect::allow;
    }
    if (v.text == "Deny") {
      return Effect::deny;
    }
    return Effect::invalid;
  }

  PrincipalElement principal(json::Member& member, std::size_t index) {
    PrincipalElement element;
    static_cast<ElementPlace&>(element) = place(member);
    json::Node& node = member.value;
    if (node.kind == JsonKind::string) {
      // A bare string: "*" means everyone; anything else is invalid and kept
      // as a group without a type for the rules to report.
      element.wildcard = node.text == "*";
      if (!element.wildcard) {
        PrincipalGroup group;
        group.type_range = node.range;
        list_values(std::move(node), group.values);
        group.values.present = true;
        group.values.value_range = group.values.values.front().range;
        group.values.value_kind = JsonKind::string;
        element.groups.push_back(std::move(group));
      }
    } else if (node.kind == JsonKind::object) {
      element.groups.reserve(node.members.size());
      for (json::Member& entry : node.members) {
        PrincipalGroup group;
        group.values = list(entry);  // copies the key into its place first
        group.type = std::move(entry.key);
        group.type_range = entry.key_range;
        element.groups.push_back(std::move(group));
      }
    } else {
      wrong_type(node, member.key + " must be \"*\" or an object such as {\"AWS\": \"arn:...\"}", index);
    }
    return element;
  }

  ConditionElement condition(json::Member& member, std::size_t index) {
    ConditionElement element;
    static_cast<ElementPlace&>(element) = place(member);
    json::Node& node = member.value;
    if (node.kind != JsonKind::object) {
      wrong_type(node, "Condition must be an object of operators", index);
      return element;
    }
    element.blocks.reserve(node.members.size());
    for (json::Member& op : node.members) {
      ConditionBlock block;
      block.op = std::move(op.key);
      block.op_range = op.key_range;
      block.range = op.value.range;
      if (op.value.kind != JsonKind::object) {
        wrong_type(op.value, "the value of condition operator " + block.op + " must be an object of keys", index);
        block.was_object = false;
      } else {
        block.entries.reserve(op.value.members.size());
        for (json::Member& key : op.value.members) {
          ConditionEntry entry;
          entry.values = list(key);  // copies the key into its place first
          entry.key = std::move(key.key);
          entry.key_range = key.key_range;
          block.entries.push_back(std::move(entry));
        }
      }
      element.blocks.push_back(std::move(block));
    }
    return element;
  }

  std::vector<SyntaxIssue>& issues_;
};

}  // namespace

Policy build_policy(json::Node&& root, std::vector<SyntaxIssue>& issues) {
  return Builder(issues).build(std::move(root));
}

}  // namespace policylint
