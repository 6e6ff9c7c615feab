#include "hygiene/credential_report.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(CredentialReportContext& context) {
  const hygiene::CredentialReportInput& input = context.credential_report();
  const long limit = input.options.max_unused_days;
  for (const hygiene::CredentialUser& user : input.report.users) {
    if (user.root) {
      continue;  // root keys should not exist at all (PL501)
    }
    for (const hygiene::AccessKey& key : user.access_keys) {
      if (!key.active.is_true()) {
        continue;
      }
      const std::string column = column_prefix(key);
      const std::string subject = std::string(user.name) + " " + column;
      if (key.last_used.never()) {
        context.report(key.last_used.cell->range,
                       describe(user) + ": " + column +
                           " is active but has never been used; delete it, or deactivate it until it is needed",
                       nullptr, subject);
        continue;
      }
      const auto idle = key.last_used.days_before(input.as_of);
      if (idle && *idle > limit) {
        context.report(key.last_used.cell->range,
                       describe(user) + ": " + column + " was last used on " +
                           hygiene::format_day(*key.last_used.day) + ", " + std::to_string(*idle) +
                           " days ago (limit: " + std::to_string(limit) +
                           "); deactivate it, and delete it once nothing breaks",
                       nullptr, subject);
      }
    }
  }
}

}  // namespace

extern const Rule access_key_unused{
    {"PL512", "access-key-unused", Severity::warning, Category::hygiene,
     "An active access key was never used, or not for longer than the limit"},
    check,
};

}  // namespace policylint::rules
