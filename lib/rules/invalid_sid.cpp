#include <algorithm>

#include "analysis/iam_policy_types.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

bool is_alphanumeric(char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

void check(PolicyContext& context) {
  if (!analysis::stored_by_iam(context.policy_type())) {
    return;
  }
  for (const Statement& statement : context.policy().statements) {
    const ScalarElement& sid = statement.sid;
    if (!sid.present || sid.value.kind != JsonKind::string ||
        std::all_of(sid.value.text.begin(), sid.value.text.end(), is_alphanumeric)) {
      continue;
    }
    context.report(sid.value.range,
                   "the Sid \"" + sid.value.text +
                       "\" may only contain letters A-Z, a-z and digits 0-9 in IAM policies; remove spaces, dashes "
                       "and other characters",
                   &statement, sid.value.text);
  }
}

}  // namespace

extern const Rule invalid_sid{
    {"PL115", "invalid-sid", Severity::error, Category::syntax, "A Sid with characters IAM does not accept"},
    check,
};

}  // namespace policylint::rules
