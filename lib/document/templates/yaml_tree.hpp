#pragma once
// Reads a YAML file into the JSON tree the JSON parser gives, with ranges in
// the YAML text, so that a template's policies reach the model builder as if
// they were JSON. CloudFormation's short-form tags become their long forms:
// `!Sub x` is read as {"Fn::Sub": x}, `!Ref x` as {"Ref": x}.
#include <string_view>
#include <vector>

#include "document/json_tree.hpp"
#include "policylint/document.hpp"

namespace policylint::templates {

/// Parses `text` as one YAML document. Every scalar becomes a string (null for
/// `~`, `null` and an empty value): a template gives IAM its values as text.
/// When the text is not YAML, the result is not ok and `issues` holds one
/// invalid_json issue at the place the YAML parser stopped.
json::ParseOutput parse_yaml(std::string_view text, std::vector<SyntaxIssue>& issues);

}  // namespace policylint::templates
