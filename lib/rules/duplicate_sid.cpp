#include <unordered_map>

#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  std::unordered_map<std::string_view, const Statement*> first_with_sid;
  for (const Statement& statement : context.policy().statements) {
    const ScalarElement& sid = statement.sid;
    if (!sid.present || sid.value.kind != JsonKind::string || sid.value.text.empty()) {
      continue;
    }
    const auto [found, inserted] = first_with_sid.emplace(sid.value.text, &statement);
    if (inserted) {
      continue;
    }
    Finding& finding = context.report(
        sid.value.range,
        "the Sid \"" + sid.value.text + "\" is already used by statement " + std::to_string(found->second->index) +
            "; Sids must be unique within a policy",
        &statement, sid.value.text);
    finding.related.push_back(RelatedLocation{found->second->sid.value.range, "first used here"});
  }
}

}  // namespace

extern const Rule duplicate_sid{
    {"PL116", "duplicate-sid", Severity::warning, Category::syntax, "Two statements share a Sid"},
    check,
};

}  // namespace policylint::rules
