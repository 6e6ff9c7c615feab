#include "hygiene/credential_report.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(CredentialReportContext& context) {
  hygiene::for_each_active_root_credential(
      context.credential_report().report, &hygiene::CredentialUser::access_keys,
      [&](const hygiene::CredentialUser& user, const hygiene::AccessKey& key) {
        const std::string column = column_prefix(key);
        context.report(key.active.cell->range,
                       "the root user has an active access key (" + column +
                           "); delete it and use IAM roles or users with only the permissions they need",
                       nullptr, std::string(user.name) + " " + column);
      });
}

}  // namespace

extern const Rule root_access_key{
    {"PL501", "root-access-key", Severity::security, Category::hygiene, "The root user has an active access key"},
    check,
};

}  // namespace policylint::rules
