#include "hygiene/secret_scan.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(TextContext& context) {
  for (const hygiene::SecretMatch& match : context.secrets().matches) {
    if (match.kind != hygiene::SecretKind::secret_access_key || match.example) {
      continue;
    }
    const std::string where = match.assigned_to.empty() ? std::string(" is written next to an access key id")
                                                        : " is assigned to '" + std::string(match.assigned_to) + "'";
    context.report(match.range,
                   hygiene::describe(match) + where +
                       "; treat the key as leaked: deactivate and replace it in IAM, remove it from the file and "
                       "its history, and load credentials from the environment, a profile or a role",
                   nullptr, hygiene::mask_secret(match.value));
  }
}

}  // namespace

extern const Rule aws_secret_access_key{
    {"PL531", "aws-secret-access-key", Severity::security, Category::secrets,
     "An AWS secret access key is in a file"},
    check,
};

}  // namespace policylint::rules
