#include "hygiene/credential_report.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(CredentialReportContext& context) {
  for (const hygiene::CredentialUser& user : context.credential_report().report.users) {
    const auto& [first, second] = user.access_keys;
    if (!user.root && first.active.is_true() && second.active.is_true()) {
      context.report(second.active.cell->range,
                     describe(user) +
                         " has two active access keys; keep one, and have a second only while rotating",
                     nullptr, std::string(user.name) + " access_key_2");
    }
  }
}

}  // namespace

extern const Rule two_active_access_keys{
    {"PL514", "two-active-access-keys", Severity::warning, Category::hygiene,
     "An IAM user has two active access keys"},
    check,
};

}  // namespace policylint::rules
