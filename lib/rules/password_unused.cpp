#include "hygiene/credential_report.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(CredentialReportContext& context) {
  const hygiene::CredentialReportInput& input = context.credential_report();
  const long limit = input.options.max_unused_days;
  for (const hygiene::CredentialUser& user : input.report.users) {
    if (user.root || !user.password_enabled.is_true()) {
      continue;
    }
    const std::string subject = std::string(user.name) + " password";
    const auto idle = user.password_last_used.days_before(input.as_of);
    if (idle && *idle > limit) {
      context.report(user.password_last_used.cell->range,
                     describe(user) + " last signed in with a password on " +
                         hygiene::format_day(*user.password_last_used.day) + ", " + std::to_string(*idle) +
                         " days ago (limit: " + std::to_string(limit) + "); remove the console password",
                     nullptr, subject);
      continue;
    }
    // Never used: count from when the password was set, so that a password
    // created yesterday is not yet unused.
    const auto age = user.password_last_changed.days_before(input.as_of);
    if (user.password_last_used.never() && age && *age > limit) {
      context.report(user.password_last_used.cell->range,
                     describe(user) + " has had a console password since " +
                         hygiene::format_day(*user.password_last_changed.day) + " (" + std::to_string(*age) +
                         " days; limit: " + std::to_string(limit) + ") and never signed in; remove the password",
                     nullptr, subject);
    }
  }
}

}  // namespace

extern const Rule password_unused{
    {"PL513", "password-unused", Severity::warning, Category::hygiene,
     "A console password was not used for longer than the limit"},
    check,
};

}  // namespace policylint::rules
