#include <algorithm>

#include "text/text.hpp"

#include "document/json_tree.hpp"
#include "document/model_builder.hpp"
#include "policylint/document.hpp"

namespace policylint {
namespace {

bool allows_assume_role(const Statement& statement) noexcept {
  if (!statement.action.present) {
    return false;
  }
  return std::any_of(statement.action.values.begin(), statement.action.values.end(),
                     [](const Value& v) { return starts_with_ignoring_case(v.text, "sts:AssumeRole"); });
}

}  // namespace

Document parse_document(std::string name, std::string bytes, const ParseLimits& limits) {
  return parse_document(std::move(name), std::make_shared<const std::string>(std::move(bytes)), limits);
}

Document parse_document(std::string name, std::shared_ptr<const std::string> source, const ParseLimits& limits) {
  if (source == nullptr) {
    source = std::make_shared<const std::string>();
  }
  Document document;
  document.name = std::move(name);
  document.source = source;
  json::ParseOutput parsed = json::parse(*source, limits, document.issues);
  if (!parsed.ok) {
    return document;
  }
  document.code_points = parsed.code_points;
  document.significant_characters = parsed.code_points - parsed.whitespace_between_tokens;
  if (parsed.root.kind != JsonKind::object) {
    document.issues.push_back(SyntaxIssue{SyntaxIssueKind::not_an_object, parsed.root.range,
                                          "a policy document must be a JSON object, not " +
                                              std::string(to_string(parsed.root.kind)),
                                          std::nullopt, std::nullopt});
    return document;
  }
  document.policy = build_policy(std::move(parsed.root), document.issues);
  std::stable_sort(document.issues.begin(), document.issues.end(), [](const SyntaxIssue& a, const SyntaxIssue& b) {
    return a.range.begin.offset < b.range.begin.offset;
  });
  return document;
}

PolicyType detect_policy_type(const Policy& policy) noexcept {
  const bool has_principal = std::any_of(policy.statements.begin(), policy.statements.end(), [](const Statement& s) {
    return s.principal.present || s.not_principal.present;
  });
  if (!has_principal) {
    return PolicyType::identity;
  }
  return std::any_of(policy.statements.begin(), policy.statements.end(), allows_assume_role) ? PolicyType::trust
                                                                                              : PolicyType::resource;
}

bool looks_like_policy(const Document& document) noexcept {
  return document.policy && document.policy->statement_element.present;
}

}  // namespace policylint
