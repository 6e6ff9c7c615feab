#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(PolicyContext& context) {
  const ScalarElement& version = context.policy().version;
  if (!version.present || version.value.kind != JsonKind::string) {
    return;  // missing-version and wrong-type report those
  }
  const std::string& text = version.value.text;
  if (text == "2012-10-17") {
    return;
  }
  const PolicyType type = context.policy_type();
  if (text == "2008-10-17") {
    if (type == PolicyType::scp || type == PolicyType::rcp) {
      context.report(version.value.range,
                     "AWS Organizations policies must use \"Version\": \"2012-10-17\"", nullptr, text);
    }
    return;
  }
  context.report(version.value.range,
                 "\"" + text + "\" is not a policy language version; use \"2012-10-17\" (it is a fixed version "
                 "string, not today's date)",
                 nullptr, text);
}

}  // namespace

extern const Rule invalid_version{
    {"PL103", "invalid-version", Severity::error, Category::syntax,
     "Version is not one of the two policy language versions"},
    check,
};

}  // namespace policylint::rules
