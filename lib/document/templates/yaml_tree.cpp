#include "document/templates/yaml_tree.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <string>

#include "document/templates/text_positions.hpp"

namespace policylint::templates {
namespace {

// Aliases share nodes, so a small file can name a tree of any size ("billion
// laughs"): the conversion stops after this many nodes, and this deep.
constexpr std::size_t kMaxNodes = 1'000'000;
constexpr unsigned kMaxDepth = 256;

struct TooLarge {};

class Converter {
 public:
  Converter(const TextPositions& positions, json::ParseOutput& out) : positions_(positions), out_(out) {}

  void convert(const YAML::Node& node, json::Node& into, unsigned depth) {
    if (++nodes_ > kMaxNodes || depth > kMaxDepth) {
      throw TooLarge{};
    }
    const std::size_t start = positions_.clamp(node.Mark().pos);
    const std::string& tag = node.Tag();
    if (tag.size() > 1 && tag[0] == '!' && tag[1] != '!' && tag.find(':') == std::string::npos) {
      // !Sub x  ->  {"Fn::Sub": x}, the key spanning the tag.
      into.kind = JsonKind::object;
      into.members.emplace_back(out_.arena.get());
      json::Member& member = into.members.back();
      const std::string name = tag.substr(1);
      member.key = name == "Ref" || name == "Condition" ? name : "Fn::" + name;
      const std::size_t tag_start = positions_.find_tag(start, tag);
      member.key_range = positions_.range(tag_start, tag_start + tag.size());
      convert_untagged(node, member.value, positions_.skip_tag(tag_start, tag), depth + 1);
      into.range = positions_.range(tag_start, std::max(member.value.range.end.offset, member.key_range.end.offset));
      return;
    }
    convert_untagged(node, into, start, depth);
  }

 private:
  void convert_untagged(const YAML::Node& node, json::Node& into, std::size_t start, unsigned depth) {
    switch (node.Type()) {
      case YAML::NodeType::Map: {
        into.kind = JsonKind::object;
        std::size_t end = start + 1;
        for (const auto& pair : node) {
          into.members.emplace_back(out_.arena.get());
          json::Member& member = into.members.back();
          const std::size_t key_start = positions_.clamp(pair.first.Mark().pos);
          member.key = pair.first.IsScalar() ? pair.first.Scalar() : std::string();
          member.key_range = positions_.range(key_start, positions_.scalar_end(key_start, member.key));
          convert(pair.second, member.value, depth + 1);
          end = std::max<std::size_t>(end, member.value.range.end.offset);
        }
        into.range = positions_.range(start, end);
        return;
      }
      case YAML::NodeType::Sequence: {
        into.kind = JsonKind::array;
        std::size_t end = start + 1;
        for (const auto& item : node) {
          into.items.emplace_back(out_.arena.get());
          convert(item, into.items.back(), depth + 1);
          end = std::max<std::size_t>(end, into.items.back().range.end.offset);
        }
        into.range = positions_.range(start, end);
        return;
      }
      case YAML::NodeType::Scalar: {
        into.text = node.Scalar();
        const bool plain = node.Tag() == "?";
        into.kind = plain && is_null(into.text) ? JsonKind::null : JsonKind::string;
        into.range = positions_.range(start, positions_.scalar_end(start, into.text));
        return;
      }
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        into.kind = JsonKind::null;
        into.range = positions_.range(start, start);
        return;
    }
  }

  static bool is_null(const std::string& text) {
    return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
  }

  const TextPositions& positions_;
  json::ParseOutput& out_;
  std::size_t nodes_ = 0;
};

}  // namespace

json::ParseOutput parse_yaml(std::string_view text, std::vector<SyntaxIssue>& issues) {
  json::ParseOutput out;
  const TextPositions positions(text);
  try {
    const YAML::Node root = YAML::Load(std::string(text));
    Converter(positions, out).convert(root, out.root, 0);
    out.ok = true;
  } catch (const YAML::Exception& error) {
    const std::size_t at = error.mark.is_null() ? 0 : positions.clamp(error.mark.pos);
    issues.push_back(SyntaxIssue{SyntaxIssueKind::invalid_json, positions.range(at, at),
                                 "the template is not valid YAML: " + error.msg, std::nullopt, std::nullopt});
  } catch (const TooLarge&) {
    issues.push_back(SyntaxIssue{SyntaxIssueKind::invalid_json, positions.range(0, 0),
                                 "the template's aliases or nesting expand to more than the reader takes (" +
                                     std::to_string(kMaxNodes) + " values, " + std::to_string(kMaxDepth) +
                                     " levels)",
                                 std::nullopt, std::nullopt});
  }
  return out;
}

}  // namespace policylint::templates
