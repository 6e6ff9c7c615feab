#include "hygiene/credential_report.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(CredentialReportContext& context) {
  const hygiene::CredentialReportInput& input = context.credential_report();
  const long limit = input.options.max_access_key_age_days;
  for (const hygiene::CredentialUser& user : input.report.users) {
    if (user.root) {
      continue;  // root keys should not exist at all (PL501)
    }
    for (const hygiene::AccessKey& key : user.access_keys) {
      const auto age = key.last_rotated.days_before(input.as_of);
      if (!key.active.is_true() || !age || *age <= limit) {
        continue;
      }
      const std::string column = column_prefix(key);
      context.report(key.last_rotated.cell->range,
                     describe(user) + ": " + column + " was created on " + hygiene::format_day(*key.last_rotated.day) +
                         ", " + std::to_string(*age) + " days ago (limit: " + std::to_string(limit) +
                         "); create a new key, move its users over, then deactivate and delete this one",
                     nullptr, std::string(user.name) + " " + column);
    }
  }
}

}  // namespace

extern const Rule access_key_not_rotated{
    {"PL511", "access-key-not-rotated", Severity::warning, Category::hygiene,
     "An active access key is older than the rotation limit"},
    check,
};

}  // namespace policylint::rules
