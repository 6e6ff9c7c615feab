#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  for (const Statement& statement : context.policy().statements) {
    const ScalarElement& sid = statement.sid;
    if (sid.present && sid.value.kind == JsonKind::string && sid.value.text.empty()) {
      context.report(sid.value.range, "the Sid is empty; give the statement a name that says what it is for, or "
                                      "remove the Sid",
                     &statement);
    }
  }
}

}  // namespace

extern const Rule empty_sid{
    {"PL120", "empty-sid", Severity::suggestion, Category::style, "A statement's Sid is an empty string"},
    check,
};

}  // namespace policylint::rules
