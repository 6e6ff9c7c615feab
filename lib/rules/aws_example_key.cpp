#include "hygiene/secret_scan.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(TextContext& context) {
  for (const hygiene::SecretMatch& match : context.secrets().matches) {
    if (match.example) {
      context.report(match.range,
                     hygiene::describe(match) +
                         " is one of AWS's documented example keys: harmless, but a placeholder such as "
                         "<ACCESS_KEY_ID> says plainly that no real key belongs here",
                     nullptr, hygiene::mask_secret(match.value));
    }
  }
}

}  // namespace

extern const Rule aws_example_key{
    {"PL532", "aws-example-key", Severity::suggestion, Category::secrets,
     "An AWS documentation example key is in a file"},
    check,
};

}  // namespace policylint::rules
