#include <array>

#include "text/text.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

constexpr std::array<std::string_view, 4> kPrincipalTypes = {"AWS", "Service", "Federated", "CanonicalUser"};

void check_group(PolicyContext& context, const Statement& statement, const PrincipalGroup& group) {
  if (group.type.empty()) {
    context.report(group.type_range,
                   "a principal must be \"*\" or an object such as {\"AWS\": \"arn:aws:iam::123456789012:root\"}, "
                   "not a bare string",
                   &statement, group.values.values.empty() ? std::string() : group.values.values.front().text);
    return;
  }
  for (const std::string_view known : kPrincipalTypes) {
    if (group.type == known) {
      return;
    }
  }
  std::string message = "\"" + group.type + "\" is not a principal type; use AWS, Service, Federated or CanonicalUser";
  for (const std::string_view known : kPrincipalTypes) {
    if (equal_ignoring_case(group.type, known)) {
      message = "\"" + group.type + "\" must be written \"" + std::string(known) + "\"";
    }
  }
  context.report(group.type_range, std::move(message), &statement, group.type);
}

void check(PolicyContext& context) {
  for (const Statement& statement : context.policy().statements) {
    for (const PrincipalElement* principal : {&statement.principal, &statement.not_principal}) {
      for (const PrincipalGroup& group : principal->groups) {
        check_group(context, statement, group);
      }
    }
  }
}

}  // namespace

extern const Rule invalid_principal_key{
    {"PL119", "invalid-principal-key", Severity::error, Category::syntax,
     "A principal that is neither \"*\" nor a map of AWS, Service, Federated or CanonicalUser"},
    check,
};

}  // namespace policylint::rules
