#pragma once
// A policy document found inside another file: a CloudFormation or SAM
// template (lib/document/templates/), Terraform HCL or a plan's JSON
// (lib/document/terraform/). A template reader turns the part of the file
// that holds a policy into the JSON-shaped tree the JSON parser gives, with
// ranges in the template's own text, so that the model builder and every rule
// work on it unchanged and every finding points into the file the user edits.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "document/json_tree.hpp"
#include "policylint/document.hpp"
#include "policylint/policy_type.hpp"
#include "policylint/source.hpp"

namespace policylint {

/// Stands, inside a string value, for one part that the template computes at
/// deploy time (`Ref`, `!GetAtt`, `!Sub` with a parameter, `var.x`,
/// `aws_s3_bucket.b.arn`, `"${...}"`): "arn:aws:s3:::\uFFFC/*". A value
/// computed as a whole is the marker alone. U+FFFC never appears in a policy
/// AWS accepts (IAM takes TAB, LF, CR and U+0020-U+00FF only), so a marker is
/// never mistaken for text the user wrote.
inline constexpr std::string_view unknown_value_marker = "\xEF\xBF\xBC";

/// One policy of a template.
struct EmbeddedPolicy {
  /// The policy as a JSON object, its ranges in the template's text; its
  /// lists live in tree.arena. tree.ok is false when the policy could not be
  /// read (the reason is in TemplateReadOutput::issues).
  json::ParseOutput tree;
  PolicyType type = PolicyType::identity;  ///< from where the policy sits, never guessed
  /// The logical resource that holds it: a CloudFormation logical id
  /// ("DeployRole"), a Terraform address ("aws_iam_policy.deploy"), with the
  /// property when a resource holds several ("DeployRole.Policies[0]").
  std::string subject;
  SourceRange place;  ///< the property or attribute whose value is the policy
};

/// A construct a reader passed over (a `dynamic` block, a `for` expression,
/// an unresolvable intrinsic function): its values are unknowns.
struct NotAnalysed {
  SourceRange range;
  std::string what;  ///< a sentence: "a dynamic block is not analysed"
};

/// What reading one template produced.
struct TemplateReadOutput {
  bool is_template = false;  ///< false: the text is not this reader's kind of file
  std::vector<EmbeddedPolicy> policies;
  std::vector<SyntaxIssue> issues;  ///< the template itself did not parse, at its position
  std::vector<NotAnalysed> not_analysed;
};

/// The document a template's policy stands for: its model built from
/// `policy.tree`, its ranges in `source` (the whole template's text).
Document embedded_document(std::string name, std::shared_ptr<const std::string> source, EmbeddedPolicy&& policy);

}  // namespace policylint
