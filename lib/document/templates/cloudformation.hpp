#pragma once
// CloudFormation and SAM templates, JSON or YAML, recognised by content: the
// policies their resources hold, each with the type its place gives it.
#include <string_view>

#include "document/embedded_policy.hpp"

namespace policylint::templates {

/// Reads `text` as a template. Not a template (is_template false): JSON or
/// YAML without a `Resources` map of `AWS::` types, an
/// `AWSTemplateFormatVersion` or a `Transform: AWS::Serverless-*`.
TemplateReadOutput read_cloudformation(std::string_view text);

}  // namespace policylint::templates
