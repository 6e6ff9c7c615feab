#pragma once
#include <vector>

#include "document/json_tree.hpp"
#include "policylint/document.hpp"
#include "policylint/policy.hpp"

namespace policylint {

/// Builds the typed policy model from a parsed JSON object. Container
/// elements of the wrong JSON type are appended to `issues`; scalar values of
/// the wrong type are kept in the model with their JsonKind for rules to
/// judge.
Policy build_policy(json::Node&& root, std::vector<SyntaxIssue>& issues);

}  // namespace policylint
