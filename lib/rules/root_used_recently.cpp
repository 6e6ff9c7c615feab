#include "hygiene/credential_report.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(CredentialReportContext& context) {
  const hygiene::CredentialReportInput& input = context.credential_report();
  const long window = input.options.root_recent_use_days;
  for (const hygiene::CredentialUser& user : input.report.users) {
    if (!user.root) {
      continue;
    }
    // One finding per root row, at its most recent use.
    const hygiene::When* latest = nullptr;
    std::string how;
    const auto consider = [&](const hygiene::When& when, std::string what) {
      if (when.day && (latest == nullptr || *when.day > *latest->day)) {
        latest = &when;
        how = std::move(what);
      }
    };
    consider(user.password_last_used, "signed in with its password");
    for (const hygiene::AccessKey& key : user.access_keys) {
      consider(key.last_used, "used " + column_prefix(key));
    }
    const auto days = latest != nullptr ? latest->days_before(input.as_of) : std::nullopt;
    if (!days || *days > window) {
      continue;
    }
    context.report(latest->cell->range,
                   "the root user " + how + " on " + hygiene::format_day(*latest->day) + ", " +
                       std::to_string(*days) + " day(s) before " + hygiene::format_day(input.as_of) +
                       " (window: " + std::to_string(window) +
                       " days); keep root for the few tasks that need it and work through IAM roles",
                   nullptr, std::string(user.name) + " last-used");
  }
}

}  // namespace

extern const Rule root_used_recently{
    {"PL503", "root-used-recently", Severity::warning, Category::hygiene,
     "The root user was used recently: root is in daily use"},
    check,
};

}  // namespace policylint::rules
