#include "analysis/public_access.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  const PolicyType type = context.policy_type();
  if (type != PolicyType::resource && type != PolicyType::trust) {
    return;
  }
  for (const analysis::PublicGrant& grant : analysis::public_grants(context.policy())) {
    std::string message;
    if (type == PolicyType::trust) {
      message = "Principal \"" + std::string(grant.principal.text) +
                "\" lets any principal of any AWS account assume this role: name the trusted principals, or add a "
                "condition that pins the caller (aws:PrincipalOrgID, aws:PrincipalAccount or aws:PrincipalArn)";
    } else {
      const std::string access = analysis::describe_access(grant.actions);
      message = "Principal \"" + std::string(grant.principal.text) +
                "\" with no condition pinning the caller makes this public: anyone, anonymous callers included, "
                "gets " +
                (access.empty() ? std::string("the statement's actions") : access) +
                "; name the principals, or restrict with aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceVpce, "
                "aws:SourceArn or aws:SourceIp";
    }
    context.report(grant.principal.range, std::move(message), grant.statement, std::string(grant.principal.text));
  }
}

}  // namespace

extern const Rule public_principal{
    {"PL400", "public-principal", Severity::security, Category::public_access,
     "A resource or trust policy allows everyone"},
    check,
};

}  // namespace policylint::rules
