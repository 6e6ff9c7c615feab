#include "hygiene/credential_report.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(RuleContext& context) {
  for (const hygiene::CredentialUser& user : context.credential_report().report.users) {
    if (!user.root) {
      continue;
    }
    for (const hygiene::AccessKey& key : user.access_keys) {
      if (key.active.is_true()) {
        const std::string column = column_prefix(key);
        context.report(key.active.cell->range,
                       "the root user has an active access key (" + column +
                           "); delete it and use IAM roles or users with only the permissions they need",
                       nullptr, std::string(user.name) + " " + column);
      }
    }
  }
}

}  // namespace

extern const Rule root_access_key{
    {"PL501", "root-access-key", Severity::security, Category::hygiene, "The root user has an active access key"},
    RuleInput::credential_report,
    check,
};

}  // namespace policylint::rules
