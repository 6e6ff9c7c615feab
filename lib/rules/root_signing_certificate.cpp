#include "hygiene/credential_report.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(CredentialReportContext& context) {
  hygiene::for_each_active_root_credential(
      context.credential_report().report, &hygiene::CredentialUser::certificates,
      [&](const hygiene::CredentialUser& user, const hygiene::SigningCertificate& certificate) {
        const std::string column = column_prefix(certificate);
        context.report(certificate.active.cell->range,
                       "the root user has an active X.509 signing certificate (" + column +
                           "); delete it: root credentials should be a password with MFA and nothing else",
                       nullptr, std::string(user.name) + " " + column);
      });
}

}  // namespace

extern const Rule root_signing_certificate{
    {"PL504", "root-signing-certificate", Severity::security, Category::hygiene,
     "The root user has an active signing certificate"},
    check,
};

}  // namespace policylint::rules
