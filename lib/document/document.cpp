#include <algorithm>

#include "text/text.hpp"

#include "document/embedded_policy.hpp"
#include "document/json_tree.hpp"
#include "document/model_builder.hpp"
#include "policylint/document.hpp"
#include "policylint/policy_type_guess.hpp"

namespace policylint {
namespace {

bool allows_assume_role(const Statement& statement) noexcept {
  if (!statement.action.present) {
    return false;
  }
  return std::any_of(statement.action.values.begin(), statement.action.values.end(),
                     [](const Value& v) { return starts_with_ignoring_case(v.text, "sts:AssumeRole"); });
}

/// Principal "*" or {"AWS": "*"}: a statement about every caller, as RCPs
/// and endpoint policies are written.
bool names_everyone(const Statement& statement) noexcept {
  const PrincipalElement& principal = statement.principal;
  if (!principal.present) {
    return false;
  }
  if (principal.wildcard) {
    return true;
  }
  return principal.groups.size() == 1 && principal.groups[0].type == "AWS" &&
         principal.groups[0].values.values.size() == 1 && principal.groups[0].values.values[0].text == "*";
}

bool on_every_resource(const Statement& statement) noexcept {
  const auto& values = statement.resource.values;
  return statement.resource.present && !values.empty() &&
         std::all_of(values.begin(), values.end(), [](const Value& v) { return v.text == "*"; });
}

/// Which services the statements' actions name.
struct ActionServices {
  bool all = false;      ///< an action "*" (or "*:*")
  bool several = false;  ///< more than one service prefix
  bool negated = false;  ///< some statement uses NotAction: its services are unknown
};

ActionServices action_services(const Policy& policy) noexcept {
  ActionServices result;
  std::string_view first;
  for (const Statement& statement : policy.statements) {
    result.negated = result.negated || statement.actions_negated();
    for (const Value& action : statement.action.values) {
      const std::string_view text = action.text;
      const std::string_view service = text.substr(0, text.find(':'));
      if (service == "*") {
        result.all = true;
      } else if (first.empty()) {
        first = service;
      } else if (!equal_ignoring_case(first, service)) {
        result.several = true;
      }
    }
  }
  return result;
}

void sort_issues(Document& document) {
  std::stable_sort(document.issues.begin(), document.issues.end(), [](const SyntaxIssue& a, const SyntaxIssue& b) {
    return a.range.begin.offset < b.range.begin.offset;
  });
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
  sort_issues(document);
  return document;
}

Document embedded_document(std::string name, std::shared_ptr<const std::string> source, EmbeddedPolicy&& policy) {
  Document document;
  document.name = std::move(name);
  document.source = std::move(source);
  const SourceRange range = policy.tree.root.range;
  // What IAM counts is the policy as CloudFormation sends it; its written
  // characters other than blanks are the closest the template says.
  for (std::size_t i = range.begin.offset; i < range.end.offset && i < document.source->size(); ++i) {
    const auto byte = static_cast<unsigned char>((*document.source)[i]);
    if ((byte & 0xC0) != 0x80) {
      ++document.code_points;
      document.significant_characters += byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r' ? 0 : 1;
    }
  }
  document.policy = build_policy(std::move(policy.tree.root), document.issues);
  sort_issues(document);
  return document;
}


PolicyTypeGuess guess_policy_type(const Policy& policy) noexcept {
  const auto& statements = policy.statements;
  const auto any = [&](auto predicate) { return std::any_of(statements.begin(), statements.end(), predicate); };
  const auto all = [&](auto predicate) {
    return !statements.empty() && std::all_of(statements.begin(), statements.end(), predicate);
  };
  const bool has_principal = any([](const Statement& s) { return s.principal.present || s.not_principal.present; });
  const bool deny_only = all([](const Statement& s) { return s.effect == Effect::deny; });
  if (!has_principal) {
    if (deny_only) {
      return {PolicyType::identity, true,
              "no Principal and only Deny statements: an identity policy, an SCP or a permissions boundary"};
    }
    return {PolicyType::identity, false, "no Principal"};
  }
  if (any([](const Statement& s) { return s.effect == Effect::allow && allows_assume_role(s); })) {
    return {PolicyType::trust, false, "a Principal and an allowed sts:AssumeRole* action"};
  }
  if (!all(names_everyone)) {
    return {PolicyType::resource, false, "a Principal"};
  }
  const ActionServices services = action_services(policy);
  if (deny_only) {
    if (services.several && !services.all && !services.negated && all(on_every_resource)) {
      return {PolicyType::rcp, false,
              "Principal \"*\", Resource \"*\" and only Deny statements, with actions of several services"};
    }
    return {PolicyType::resource, true,
            "Principal \"*\" and only Deny statements: a resource policy or a resource control policy"};
  }
  if (services.all) {
    return {PolicyType::endpoint, true,
            "Principal \"*\" and Action \"*\": a VPC endpoint policy (or RCPFullAWSAccess, or a resource "
            "policy open to everyone)"};
  }
  if (services.several && !services.negated) {
    return {PolicyType::endpoint, false, "Principal \"*\" and allowed actions of several services"};
  }
  return {PolicyType::resource, false, "a Principal"};
}

PolicyType detect_policy_type(const Policy& policy) noexcept { return guess_policy_type(policy).type; }

bool is_bare_statement(const Policy& policy) noexcept {
  if (policy.statement_element.present) {
    return false;
  }
  const auto has = [&](std::string_view key) {
    return std::any_of(policy.unknown_elements.begin(), policy.unknown_elements.end(),
                       [&](const UnknownElement& element) { return element.key == key; });
  };
  return has("Effect") && (has("Action") || has("NotAction"));
}

bool looks_like_policy(const Document& document) noexcept {
  return document.policy && (document.policy->statement_element.present || is_bare_statement(*document.policy));
}

}  // namespace policylint
