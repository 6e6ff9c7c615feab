// Table 1.7 of the IAM grammar: which elements each policy type forbids.
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

bool forbids_principal(PolicyType type) noexcept {
  return type == PolicyType::identity || type == PolicyType::scp || type == PolicyType::boundary ||
         type == PolicyType::session;
}

bool forbids_not_principal(PolicyType type) noexcept {
  return forbids_principal(type) || type == PolicyType::trust || type == PolicyType::rcp;
}

void report(PolicyContext& context, const Statement& statement, const ElementPlace& element, std::string_view why) {
  if (element.present) {
    context.report(element.key_range,
                   element.key + " is not allowed in a " + std::string(to_string(context.policy_type())) +
                       " policy; " + std::string(why),
                   &statement, element.key);
  }
}

void check(PolicyContext& context) {
  const PolicyType type = context.policy_type();
  for (const Statement& statement : context.policy().statements) {
    if (forbids_principal(type)) {
      report(context, statement, statement.principal,
             "the principal is whoever the policy is attached to; remove it (or lint the file with "
             "--policy-type resource if it is a resource policy)");
    }
    if (forbids_not_principal(type)) {
      report(context, statement, statement.not_principal,
             type == PolicyType::trust || type == PolicyType::rcp
                 ? "use Principal with a condition on aws:PrincipalArn instead"
                 : "remove it");
    }
    if (type == PolicyType::trust) {
      report(context, statement, statement.resource, "the resource of a trust policy is the role itself; remove it");
      report(context, statement, statement.not_resource,
             "the resource of a trust policy is the role itself; remove it");
    }
    if (type == PolicyType::rcp) {
      report(context, statement, statement.not_action, "list the denied actions with Action instead");
    }
  }
}

}  // namespace

extern const Rule element_not_allowed{
    {"PL113", "element-not-allowed", Severity::error, Category::syntax,
     "An element that this policy type does not accept"},
    check,
};

}  // namespace policylint::rules
