#include <algorithm>
#include <array>

#include "text/text.hpp"
#include "policylint/policy_type_guess.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

constexpr std::array<std::string_view, 3> kPolicyElements = {"Version", "Id", "Statement"};
constexpr std::array<std::string_view, 9> kStatementElements = {
    "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"};

bool is_statement_element(std::string_view key) {
  return std::find(kStatementElements.begin(), kStatementElements.end(), key) != kStatementElements.end();
}

template <std::size_t N>
std::string advice(std::string_view key, const std::array<std::string_view, N>& known) {
  // Short keys are close to everything; only suggest for a plausible typo.
  const std::size_t max_typos = key.size() <= 3 ? 1 : 2;
  for (const std::string_view name : known) {
    if (equal_ignoring_case(name, key) || edit_distance(name, key, max_typos) <= max_typos) {
      return "did you mean \"" + std::string(name) + "\"?" +
             (equal_ignoring_case(name, key) ? " Element names are case-sensitive" : "");
    }
  }
  std::string list;
  for (const std::string_view name : known) {
    list += list.empty() ? "" : ", ";
    list += name;
  }
  return "remove it; the allowed elements here are " + list;
}

void check(PolicyContext& context) {
  const Policy& policy = context.policy();
  const bool bare_statement = is_bare_statement(policy);
  for (const UnknownElement& element : policy.unknown_elements) {
    if (bare_statement && is_statement_element(element.key)) {
      continue;  // missing-statement reports the statement that needs a policy around it
    }
    context.report(element.key_range,
                   "\"" + element.key + "\" is not a policy element; " + advice(element.key, kPolicyElements), nullptr,
                   element.key);
  }
  for (const Statement& statement : policy.statements) {
    for (const UnknownElement& element : statement.unknown_elements) {
      context.report(element.key_range,
                     "\"" + element.key + "\" is not a statement element; " + advice(element.key, kStatementElements),
                     &statement, element.key);
    }
  }
}

}  // namespace

extern const Rule unknown_element{
    {"PL101", "unknown-element", Severity::error, Category::syntax, "An element the policy grammar does not define"},
    check,
};

}  // namespace policylint::rules
