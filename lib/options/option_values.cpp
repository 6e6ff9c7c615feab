// Option values given as text, with one message for each refusal.
#include "policylint/option_values.hpp"

#include <vector>

#include "policylint/options.hpp"
#include "policylint/rules.hpp"
#include "text/did_you_mean.hpp"

namespace policylint {
namespace {

constexpr std::string_view kSeverityNames[] = {"error", "security", "warning", "suggestion"};

}  // namespace

std::optional<PolicyType> read_policy_type(std::string_view text, std::string& error) {
  const auto type = parse_policy_type(text);
  if (!type) {
    error = "unknown policy type '" + std::string(text) +
            "' (expected identity, resource, trust, scp, rcp, boundary, session or endpoint)" +
            did_you_mean(text, all_policy_types(), [](PolicyType t) { return to_string(t); });
  }
  return type;
}

std::optional<Severity> read_severity(std::string_view text, std::string& error) {
  const auto severity = parse_severity(text);
  if (!severity) {
    error = "unknown severity '" + std::string(text) + "' (expected error, security, warning or suggestion)" +
            did_you_mean(text, kSeverityNames, [](std::string_view name) { return name; });
  }
  return severity;
}

bool check_rule_selector(std::string_view selector, std::string& error) {
  if (selects_any_rule(selector)) {
    return true;
  }
  const std::vector<const RuleInfo*> rules = all_rules();
  error = "'" + std::string(selector) +
          "' is not a rule code, rule name, code prefix or category ('policylint rules' lists them)" +
          did_you_mean(selector, rules, [](const RuleInfo* rule) { return rule->name; });
  return false;
}

std::string suggest_name(std::string_view wrong, std::span<const std::string_view> names) {
  return did_you_mean(wrong, names, [](std::string_view name) { return name; });
}

std::optional<std::chrono::sys_days> read_date(std::string_view text, std::string& error) {
  const auto day = parse_date(text);
  if (!day) {
    error = "'" + std::string(text) + "' is not a date as YYYY-MM-DD";
  }
  return day;
}

}  // namespace policylint
