#include "hygiene/credential_report.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(CredentialReportContext& context) {
  for (const hygiene::CredentialUser& user : context.credential_report().report.users) {
    if (!user.root && user.password_enabled.is_true() && user.mfa_active.value == false) {
      context.report(user.mfa_active.cell->range,
                     describe(user) +
                         " can sign in to the console with a password but has no MFA device; assign an MFA device "
                         "or remove the console password",
                     nullptr, std::string(user.name) + " mfa_active");
    }
  }
}

}  // namespace

extern const Rule console_password_without_mfa{
    {"PL510", "console-password-without-mfa", Severity::security, Category::hygiene,
     "An IAM user with a console password has no MFA device"},
    check,
};

}  // namespace policylint::rules
