// Reading one case of `policylint simulate --batch`: a JSON object in the
// shape of iam-simulate's core engine tests (request, identityPolicies,
// resourcePolicy, sessionPolicy, permissionBoundaries, endpointPolicies,
// serviceControlPolicies and resourceControlPolicies by organization level).
// Each policy object is read by the policy parser, so a statement's range
// points into the policy as re-serialised from the line.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "policylint/document.hpp"
#include "policylint/evaluator.hpp"

namespace policylint {
namespace {

using nlohmann::json;

struct CaseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string scalar_text(const json& value, const std::string& what) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number()) return value.dump();
  throw CaseError(what + " must be a string");
}

ContextValue read_context_value(const json& value, const std::string& key) {
  ContextValue out;
  if (value.is_array()) {
    out.multivalued = true;
    for (const json& each : value) out.values.push_back(scalar_text(each, "context value of " + key));
  } else {
    out.values.push_back(scalar_text(value, "context value of " + key));
  }
  return out;
}

Request read_request(const json& in) {
  if (!in.is_object()) throw CaseError("\"request\" must be an object");
  Request request;
  const auto action = in.find("action");
  if (action == in.end() || !action->is_string()) throw CaseError("\"request.action\" must be a string");
  request.action = action->get<std::string>();

  const auto resource = in.find("resource");
  if (resource != in.end() && resource->is_object()) {
    request.resource = scalar_text(resource->value("resource", json("")), "request.resource.resource");
    request.resource_account = scalar_text(resource->value("accountId", json("")), "request.resource.accountId");
  } else if (resource != in.end() && resource->is_string()) {
    request.resource = resource->get<std::string>();
  } else {
    throw CaseError("\"request.resource\" must be an object {resource, accountId}");
  }

  const auto principal = in.find("principal");
  if (principal == in.end()) throw CaseError("\"request.principal\" is missing");
  if (principal->is_string()) {
    request.principal = principal->get<std::string>();
  } else if (principal->is_object() && principal->value("type", "") == "Anonymous") {
    request.anonymous = true;
  } else {
    throw CaseError("\"request.principal\" must be an ARN, a service principal or {\"type\": \"Anonymous\"}");
  }

  if (const auto context = in.find("context"); context != in.end() && !context->is_null()) {
    if (!context->is_object()) throw CaseError("\"request.context\" must be an object");
    for (const auto& [key, value] : context->items()) request.context.push_back({key, read_context_value(value, key)});
  }
  if (const auto flag = in.find("wildcardOnlyAction"); flag != in.end() && flag->is_boolean()) {
    request.wildcard_only_action = flag->get<bool>();
  }
  return request;
}

void add_policy(PolicySetBuilder& builder, PolicyRole role, const json& policy, const std::string& name) {
  if (!policy.is_object()) throw CaseError(name + " must be a policy object");
  Document document = parse_document(name, policy.dump(2, ' ', false, json::error_handler_t::replace));
  if (!document.policy) throw CaseError(name + " is not a policy document");
  builder.add(role, name, *document.policy);
}

void add_policies(PolicySetBuilder& builder, PolicyRole role, const json& in, const char* key) {
  const auto found = in.find(key);
  if (found == in.end() || found->is_null()) return;
  if (found->is_object()) {
    add_policy(builder, role, *found, key);
    return;
  }
  if (!found->is_array()) throw CaseError(std::string("\"") + key + "\" must be a list of policies");
  for (std::size_t i = 0; i < found->size(); ++i) {
    add_policy(builder, role, (*found)[i], std::string(key) + "[" + std::to_string(i) + "]");
  }
}

void add_levels(PolicySetBuilder& builder, PolicyRole role, const json& in, const char* key) {
  const auto found = in.find(key);
  if (found == in.end() || found->is_null()) return;
  if (!found->is_array()) throw CaseError(std::string("\"") + key + "\" must be a list of {orgIdentifier, policies}");
  for (std::size_t i = 0; i < found->size(); ++i) {
    const json& level = (*found)[i];
    const std::string where = std::string(key) + "[" + std::to_string(i) + "]";
    if (!level.is_object()) throw CaseError(where + " must be an object {orgIdentifier, policies}");
    builder.begin_level(role, level.contains("orgIdentifier") ? scalar_text(level["orgIdentifier"], where) : where);
    const auto policies = level.find("policies");
    if (policies == level.end()) continue;
    if (!policies->is_array()) throw CaseError(where + ".policies must be a list");
    for (std::size_t j = 0; j < policies->size(); ++j) {
      add_policy(builder, role, (*policies)[j], where + ".policies[" + std::to_string(j) + "]");
    }
  }
}

/// How deeply arrays and objects nest in JSON text (strings skipped), so that
/// hostile lines are refused before anything walks them recursively.
std::size_t nesting_depth(std::string_view text) noexcept {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

/// Deeper than any policy the parser accepts (ParseLimits::max_depth is 64),
/// with room for the case around it.
constexpr std::size_t kMaxCaseDepth = 72;

}  // namespace

std::optional<SimulationCase> read_simulation_case(std::string_view text, std::string& name, std::string& error) {
  name.clear();
  error.clear();
  if (nesting_depth(text) > kMaxCaseDepth) {
    error = "nested deeper than " + std::to_string(kMaxCaseDepth) + " levels";
    return std::nullopt;
  }
  const json in = json::parse(text, nullptr, false);
  if (in.is_discarded()) {
    error = "not a JSON value";
    return std::nullopt;
  }
  if (!in.is_object()) {
    error = "a case must be a JSON object";
    return std::nullopt;
  }
  try {
    if (const auto found = in.find("name"); found != in.end() && found->is_string()) name = found->get<std::string>();
    SimulationCase out;
    out.name = name;
    const auto request = in.find("request");
    if (request == in.end()) throw CaseError("\"request\" is missing");
    out.request = read_request(*request);
    PolicySetBuilder builder;
    add_policies(builder, PolicyRole::identity, in, "identityPolicies");
    add_policies(builder, PolicyRole::resource, in, "resourcePolicy");
    add_policies(builder, PolicyRole::session, in, "sessionPolicy");
    add_policies(builder, PolicyRole::boundary, in, "permissionBoundaries");
    add_policies(builder, PolicyRole::endpoint, in, "endpointPolicies");
    add_levels(builder, PolicyRole::scp, in, "serviceControlPolicies");
    add_levels(builder, PolicyRole::rcp, in, "resourceControlPolicies");
    out.policies = builder.compile();
    return out;
  } catch (const CaseError& problem) {
    error = problem.what();
  } catch (const json::exception& problem) {
    error = problem.what();
  }
  return std::nullopt;
}

}  // namespace policylint
