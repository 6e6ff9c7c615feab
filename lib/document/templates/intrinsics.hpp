#pragma once
// CloudFormation's intrinsic functions inside a policy: what the template
// states is kept, what it computes at deploy time becomes the unknown marker.
#include "document/json_tree.hpp"

namespace policylint::templates {

/// Copies `from` into `to` (whose lists use `arena`), replacing every
/// intrinsic function ({"Ref": ...}, {"Fn::Sub": ...}, ...) by the string it
/// stands for: known parts as text, computed parts as unknown_value_marker.
/// `Fn::If` stands for its first branch that is not AWS::NoValue.
void resolve_intrinsics(const json::Node& from, json::Node& to, std::pmr::memory_resource* arena);

}  // namespace policylint::templates
