// The explanation of an evaluation as JSON (docs/simulate.md): the decision,
// the step that decided, the policy roles that denied, and every policy with
// its statements and conditions.
#include <nlohmann/json.hpp>

#include "policylint/evaluator.hpp"

namespace policylint {
namespace {

using nlohmann::json;

std::string_view effect_text(Effect effect) {
  switch (effect) {
    case Effect::allow: return "Allow";
    case Effect::deny: return "Deny";
    case Effect::missing: return "missing";
    case Effect::invalid: return "invalid";
  }
  return "invalid";
}

json statement_json(const StatementExplanation& statement) {
  json out = {{"index", statement.index},
              {"line", statement.range.begin.line},
              {"effect", effect_text(statement.effect)},
              {"applies", statement.applies},
              {"principal", statement.principal_matched},
              {"action", statement.action_matched},
              {"resource", statement.resource_matched},
              {"conditions", statement.conditions_matched}};
  if (!statement.sid.empty()) out["sid"] = statement.sid;
  if (!statement.conditions.empty()) {
    json conditions = json::array();
    for (const ConditionExplanation& condition : statement.conditions) {
      conditions.push_back({{"operator", condition.op},
                            {"key", condition.key},
                            {"line", condition.range.begin.line},
                            {"matched", condition.matched},
                            {"reason", condition.reason}});
    }
    out["conditionResults"] = std::move(conditions);
  }
  return out;
}

}  // namespace

namespace {

json explanation(const Evaluation& evaluation) {
  json denied_by = json::array();
  for (const PolicyRole role : evaluation.denied_by) denied_by.push_back(to_string(role));
  json policies = json::array();
  for (const PolicyExplanation& policy : evaluation.policies) {
    json statements = json::array();
    for (const StatementExplanation& statement : policy.statements) statements.push_back(statement_json(statement));
    json entry = {{"role", to_string(policy.role)},
                  {"name", policy.name},
                  {"result", to_string(policy.result)},
                  {"statements", std::move(statements)}};
    if (policy.role == PolicyRole::scp || policy.role == PolicyRole::rcp) entry["level"] = policy.level;
    policies.push_back(std::move(entry));
  }
  return {{"decision", to_string(evaluation.decision)},
          {"reason", evaluation.reason},
          {"deniedBy", std::move(denied_by)},
          {"policies", std::move(policies)}};
}

std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

json name_json(std::string_view name) { return name.empty() ? json(nullptr) : json(std::string(name)); }

}  // namespace

std::string explanation_json(const Evaluation& evaluation) { return dump(explanation(evaluation)); }

std::string simulation_result_json(std::string_view name, const Evaluation& evaluation) {
  // Built in order so the line reads name, decision, explain.
  return "{\"name\":" + dump(name_json(name)) + ",\"decision\":" + dump(json(to_string(evaluation.decision))) +
         ",\"explain\":" + dump(explanation(evaluation)) + "}";
}

std::string simulation_error_json(std::string_view name, std::string_view error) {
  return "{\"name\":" + dump(name_json(name)) + ",\"error\":" + dump(json(std::string(error))) + "}";
}

}  // namespace policylint
