#include <algorithm>

#include "hygiene/credential_report.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(CredentialReportContext& context) {
  for (const hygiene::CredentialUser& user : context.credential_report().report.users) {
    const bool has_active_key = std::any_of(user.access_keys.begin(), user.access_keys.end(),
                                            [](const hygiene::AccessKey& key) { return key.active.is_true(); });
    if (user.root || user.password_enabled.is_true() || has_active_key) {
      continue;
    }
    for (const hygiene::SigningCertificate& certificate : user.certificates) {
      if (certificate.active.is_true()) {
        const std::string column = column_prefix(certificate);
        context.report(certificate.active.cell->range,
                       describe(user) + " has neither a password nor an active access key, only an active signing "
                                        "certificate (" + column +
                           "); delete the certificate unless a legacy SOAP client still signs with it",
                       nullptr, std::string(user.name) + " " + column);
      }
    }
  }
}

}  // namespace

extern const Rule certificate_only_user{
    {"PL515", "certificate-only-user", Severity::warning, Category::hygiene,
     "An IAM user's only credential is an active signing certificate"},
    check,
};

}  // namespace policylint::rules
