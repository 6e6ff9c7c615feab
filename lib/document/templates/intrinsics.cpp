#include "document/templates/intrinsics.hpp"

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "document/embedded_policy.hpp"

namespace policylint::templates {
namespace {

// Pseudo parameters whose value does not change what a policy means; a valid
// stand-in lets ARN and account checks read the rest of the value.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kPseudo = {{
    {"AWS::Partition", "aws"},
    {"AWS::Region", "us-east-1"},
    {"AWS::AccountId", "123456789012"},
    {"AWS::URLSuffix", "amazonaws.com"},
}};

std::string pseudo_or_unknown(std::string_view name) {
  for (const auto& [pseudo, value] : kPseudo) {
    if (name == pseudo) {
      return std::string(value);
    }
  }
  return std::string(unknown_value_marker);
}

bool is_intrinsic(const json::Node& node) {
  if (node.kind != JsonKind::object || node.members.size() != 1) {
    return false;
  }
  const std::string& key = node.members[0].key;
  return key == "Ref" || key.starts_with("Fn::");
}

bool is_no_value(const json::Node& node) {
  return is_intrinsic(node) && node.members[0].key == "Ref" && node.members[0].value.text == "AWS::NoValue";
}

std::string text_of(const json::Node& node);

// "arn:${AWS::Partition}:s3:::${Bucket}/*" with `variables` from the list form.
std::string substitute(const std::string& format, const json::Node* variables) {
  std::string out;
  std::size_t at = 0;
  while (at < format.size()) {
    const std::size_t open = format.find("${", at);
    if (open == std::string::npos) {
      out.append(format, at, std::string::npos);
      break;
    }
    out.append(format, at, open - at);
    const std::size_t close = format.find('}', open);
    if (close == std::string::npos) {
      out.append(format, open, std::string::npos);
      break;
    }
    const std::string name = format.substr(open + 2, close - open - 2);
    if (!name.empty() && name[0] == '!') {
      out += "${" + name.substr(1) + "}";  // ${!Literal} is written as ${Literal}
    } else {
      const json::Member* given = nullptr;
      if (variables != nullptr) {
        for (const json::Member& member : variables->members) {
          given = member.key == name ? &member : given;
        }
      }
      out += given != nullptr ? text_of(given->value) : pseudo_or_unknown(name);
    }
    at = close + 1;
  }
  return out;
}

// The string a value stands for.
std::string text_of(const json::Node& node) {
  if (!is_intrinsic(node)) {
    return node.kind == JsonKind::string || node.kind == JsonKind::number ? node.text
                                                                           : std::string(unknown_value_marker);
  }
  const std::string& function = node.members[0].key;
  const json::Node& argument = node.members[0].value;
  if (function == "Ref") {
    return pseudo_or_unknown(argument.text);
  }
  if (function == "Fn::Sub") {
    if (argument.kind == JsonKind::string) {
      return substitute(argument.text, nullptr);
    }
    if (argument.kind == JsonKind::array && !argument.items.empty() && argument.items[0].kind == JsonKind::string) {
      const json::Node* variables = argument.items.size() > 1 && argument.items[1].kind == JsonKind::object
                                        ? &argument.items[1]
                                        : nullptr;
      return substitute(argument.items[0].text, variables);
    }
  }
  if (function == "Fn::Join" && argument.kind == JsonKind::array && argument.items.size() == 2 &&
      argument.items[0].kind == JsonKind::string && argument.items[1].kind == JsonKind::array) {
    std::string out;
    const auto& parts = argument.items[1].items;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      out += i == 0 ? std::string() : argument.items[0].text;
      out += text_of(parts[i]);
    }
    return out;
  }
  if (function == "Fn::If" && argument.kind == JsonKind::array && argument.items.size() == 3) {
    return text_of(is_no_value(argument.items[1]) ? argument.items[2] : argument.items[1]);
  }
  return std::string(unknown_value_marker);  // GetAtt, ImportValue, FindInMap, Select, ...
}

}  // namespace

void resolve_intrinsics(const json::Node& from, json::Node& to, std::pmr::memory_resource* arena) {
  if (is_intrinsic(from)) {
    const json::Member& call = from.members[0];
    if (call.key == "Fn::If" && call.value.kind == JsonKind::array && call.value.items.size() == 3 &&
        (call.value.items[1].kind != JsonKind::string || call.value.items[2].kind != JsonKind::string)) {
      // A statement or a list under a condition: read its first branch.
      resolve_intrinsics(is_no_value(call.value.items[1]) ? call.value.items[2] : call.value.items[1], to, arena);
      return;
    }
    to.kind = JsonKind::string;
    to.text = text_of(from);
    to.range = from.range;
    return;
  }
  to.kind = from.kind;
  to.range = from.range;
  to.text = from.text;
  for (const json::Node& item : from.items) {
    if (is_no_value(item)) {
      continue;
    }
    to.items.emplace_back(arena);
    resolve_intrinsics(item, to.items.back(), arena);
  }
  for (const json::Member& member : from.members) {
    if (is_no_value(member.value)) {
      continue;
    }
    to.members.emplace_back(arena);
    to.members.back().key = member.key;
    to.members.back().key_range = member.key_range;
    resolve_intrinsics(member.value, to.members.back().value, arena);
  }
}

}  // namespace policylint::templates
