#include "hygiene/credential_report.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(CredentialReportContext& context) {
  for (const hygiene::CredentialUser& user : context.credential_report().report.users) {
    if (user.root && user.mfa_active.value == false) {
      context.report(user.mfa_active.cell->range,
                     "the root user has no active MFA device; enable MFA on the root user (a hardware security key "
                     "or passkey is best)",
                     nullptr, std::string(user.name) + " mfa_active");
    }
  }
}

}  // namespace

extern const Rule root_without_mfa{
    {"PL502", "root-without-mfa", Severity::security, Category::hygiene, "The root user has no MFA device"},
    check,
};

}  // namespace policylint::rules
