// `policylint rules --format json`: the rule table for tools.
#include <nlohmann/json.hpp>

#include "policylint/report.hpp"
#include "policylint/rules.hpp"
#include "report/rule_help_uri.hpp"

namespace policylint {

std::string render_rules_json() {
  nlohmann::json rules = nlohmann::json::array();
  for (const RuleInfo* rule : all_rules()) {
    rules.push_back({{"code", rule->code},
                     {"name", rule->name},
                     {"category", to_string(rule->category)},
                     {"severity", to_string(rule->severity)},
                     {"summary", rule->summary},
                     {"deprecated", rule->deprecated},
                     {"help_uri", report::rule_help_uri(rule->code)}});
  }
  return rules.dump(2) + "\n";
}

}  // namespace policylint
