#include <algorithm>
#include <vector>

#include "analysis/arn.hpp"
#include "analysis/arn_resource_types.hpp"
#include "analysis/policy_facts.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

/// "s3:GetObject expects object (arn:...)" for the first few actions.
std::string expectations(std::span<const catalog::ActionView> actions) {
  constexpr std::size_t kShown = 3;
  std::string text;
  std::size_t shown = 0;
  for (const catalog::ActionView action : actions) {
    if (action.resource_types().empty()) {
      continue;
    }
    if (shown == kShown) {
      text += "; ...";
      break;
    }
    text += (shown++ == 0 ? "" : "; ") + std::string(action.name()) + " expects ";
    std::size_t n = 0;
    for (const catalog::ActionResourceView resource : action.resource_types()) {
      const catalog::ResourceTypeView type = resource.resource_type();
      text += (n++ == 0 ? "" : " or ") + std::string(type.name()) + " (" + std::string(type.arn_template()) + ")";
    }
  }
  return text;
}

/// What the ARN names: "s3 bucket", "iam role, iam user".
std::string type_names(const std::vector<catalog::ResourceTypeView>& types) {
  constexpr std::size_t kShown = 3;
  std::string text;
  std::size_t shown = 0;
  for (const catalog::ResourceTypeView type : types) {
    if (analysis::split_arn(type.arn_template()).arn.service.text.starts_with("${")) {
      continue;  // a type of any service (backup recovery points) says nothing about this ARN
    }
    if (shown == kShown) {
      return text + ", ...";
    }
    text += (shown++ == 0 ? "" : ", ") + std::string(type.service().prefix()) + " " + std::string(type.name());
  }
  return text;
}

bool arn_is_sound(analysis::PolicyFacts& facts, const Value& value) {
  if (value.kind != JsonKind::string || analysis::is_match_all(value.text)) {
    return false;
  }
  if (analysis::arn_problem(value.text, facts.arn_split(value)) != analysis::ArnProblem::none) {
    return false;
  }
  const analysis::ArnFit fit = facts.arn_fit(value);
  return fit == analysis::ArnFit::fits || fit == analysis::ArnFit::not_checked;
}

void check(PolicyContext& context) {
  analysis::PolicyFacts& facts = context.facts();
  for (const Statement& statement : context.policy().statements) {
    if (!statement.action.present || !statement.resource.present) {
      continue;
    }
    const auto actions = facts.statement_actions(statement);
    const auto acted_on = facts.statement_resource_types(statement);
    if (acted_on.empty()) {
      continue;  // actions that only take "*" are action-requires-wildcard-resource's finding
    }
    for (const Value& value : statement.resource.values) {
      if (!arn_is_sound(facts, value)) {
        continue;
      }
      const analysis::ArnProbe probe(value.text);
      const bool used = std::any_of(acted_on.begin(), acted_on.end(),
                                    [&](catalog::ResourceTypeView type) { return probe.can_match(type); });
      if (used) {
        continue;
      }
      const auto types = analysis::matching_resource_types(value.text, facts.arn_split(value));
      if (types.empty()) {
        continue;  // an ARN no resource type has is arn-matches-no-resource-type's finding
      }
      context.report(value.range,
                     "no action of this statement acts on \"" + value.text + "\" (" + type_names(types) +
                         "), so this Resource entry grants or denies nothing: " + expectations(actions) +
                         "; fix the ARN or move it to a statement with matching actions",
                     &statement, value.text);
    }
  }
}

}  // namespace

extern const Rule resource_action_mismatch{
    {"PL210", "resource-action-mismatch", Severity::error, Category::validity,
     "A Resource ARN that none of the statement's actions acts on"},
    check,
};

}  // namespace policylint::rules
