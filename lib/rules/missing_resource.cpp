#include <algorithm>
#include <array>

#include "text/text.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

// Services whose resource policies are attached to the one resource they
// govern and have no Resource element: ECR and ECR Public repository policies
// (SetRepositoryPolicy). A resource policy cannot tell which service it
// belongs to, so a statement whose actions are all of these services is taken
// for one of them.
constexpr std::array<std::string_view, 2> kServicesWithoutResourceElement = {"ecr", "ecr-public"};

bool names_only_services_without_resource_element(const Statement& statement) {
  if (!statement.action.present || statement.action.values.empty()) {
    return false;
  }
  return std::all_of(statement.action.values.begin(), statement.action.values.end(), [](const Value& action) {
    const std::string_view text = action.text;
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos) {
      return false;
    }
    return std::any_of(kServicesWithoutResourceElement.begin(), kServicesWithoutResourceElement.end(),
                       [&](std::string_view service) { return equal_ignoring_case(text.substr(0, colon), service); });
  });
}

void check(PolicyContext& context) {
  if (context.policy_type() == PolicyType::trust) {
    return;  // a trust policy's resource is the role itself
  }
  const bool resource_policy = context.policy_type() == PolicyType::resource;
  for (const Statement& statement : context.policy().statements) {
    if (resource_policy && names_only_services_without_resource_element(statement)) {
      continue;  // an ECR repository policy: its resource is the repository it is set on
    }
    if (statement.was_object && !statement.resource.present && !statement.not_resource.present) {
      context.report(SourceRange{statement.range.begin, statement.range.begin},
                     "this statement has neither Resource nor NotResource; add \"Resource\" with the ARNs it "
                     "applies to",
                     &statement);
    }
  }
}

}  // namespace

extern const Rule missing_resource{
    {"PL111", "missing-resource", Severity::error, Category::syntax,
     "A statement has neither Resource nor NotResource"},
    check,
};

}  // namespace policylint::rules
