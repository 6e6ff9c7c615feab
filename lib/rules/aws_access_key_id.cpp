#include "hygiene/secret_scan.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(TextContext& context) {
  for (const hygiene::SecretMatch& match : context.secrets().matches) {
    if (match.kind == hygiene::SecretKind::access_key_id && !match.example) {
      context.report(match.range,
                     hygiene::describe(match) +
                         " is written in this file; remove it, deactivate and replace the key in IAM, and load "
                         "credentials from the environment, a profile or a role",
                     nullptr, hygiene::mask_secret(match.value));
    }
  }
}

}  // namespace

extern const Rule aws_access_key_id{
    {"PL530", "aws-access-key-id", Severity::security, Category::secrets, "An AWS access key id is in a file"},
    check,
};

}  // namespace policylint::rules
