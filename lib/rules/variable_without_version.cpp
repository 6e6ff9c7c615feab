#include "analysis/statement_elements.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  const Policy& policy = context.policy();
  const bool variables_work = policy.version.present && policy.version.value.text == "2012-10-17";
  if (variables_work) {
    return;
  }
  const std::string why = policy.version.present ? "under Version " + policy.version.value.text
                                                 : std::string("without a Version");
  for (const Statement& statement : policy.statements) {
    analysis::for_each_value_list(statement, [&](const ValueList& list, bool) {
      for (const Value& value : list.values) {
        if (value.kind == JsonKind::string && value.text.find("${") != std::string::npos) {
          context.report(value.range,
                         "the policy variable in \"" + value.text + "\" is not substituted " + why +
                             ": IAM compares it as literal text; add \"Version\": \"2012-10-17\"",
                         &statement, value.text);
        }
      }
    });
  }
}

}  // namespace

extern const Rule variable_without_version{
    {"PL117", "variable-without-version", Severity::error, Category::syntax,
     "A policy variable in a policy whose Version does not support variables"},
    check,
};

}  // namespace policylint::rules
