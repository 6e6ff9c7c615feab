// The request evaluator against iam-simulate's test cases, read as data from
// ../shared/oracles/iam-simulate/ (or $POLICYLINT_SHARED_DIR/oracles/...) at
// test time; they are never copied into the repository. Every Strict-mode
// core engine case, every row of the 24 condition operator tables and every
// row of the Resource/NotResource table must agree, except the cases listed
// in evaluator_oracle_disagreements.md, where AWS documentation says
// otherwise and the evaluator follows the documentation.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "policylint/document.hpp"
#include "policylint/evaluator.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace policylint;

namespace {

fs::path oracle_dir() {
  if (const char* dir = std::getenv("POLICYLINT_SHARED_DIR"); dir != nullptr && *dir != '\0') {
    return fs::path(dir) / "oracles" / "iam-simulate";
  }
  return fs::path(POLICYLINT_SOURCE_DIR "/../shared/oracles/iam-simulate");
}

bool oracle_present() {
  if (fs::is_directory(oracle_dir())) return true;
  WARN("skipped: the iam-simulate oracle is not at " << oracle_dir().string()
                                                     << " (set POLICYLINT_SHARED_DIR to the shared data folder)");
  return false;
}

json read_json(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return json::parse(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
}

/// Runs one case through the batch reader and the evaluator.
Evaluation run_case(const json& entry) {
  std::string name;
  std::string error;
  const std::optional<SimulationCase> loaded = read_simulation_case(entry.dump(), name, error);
  INFO(entry.dump());
  REQUIRE(error.empty());
  REQUIRE(loaded);
  const Evaluation evaluation = loaded->policies->evaluate(loaded->request);
  // The fast path must agree with the explained one.
  CHECK(loaded->policies->decide(loaded->request) == evaluation.decision);
  return evaluation;
}

/// The upstream harness attaches an allow-everything RCP (AWS's
/// RCPFullAWSAccess) to every RCP level; the adapter does the same.
void add_full_access_rcps(json& entry) {
  const auto levels = entry.find("resourceControlPolicies");
  if (levels == entry.end() || !levels->is_array()) return;
  for (json& level : *levels) {
    level["policies"].push_back(
        {{"Version", "2012-10-17"},
         {"Statement", json::array({{{"Effect", "Allow"}, {"Principal", "*"}, {"Action", "*"}, {"Resource", "*"}}})}});
  }
}

/// Cases where AWS documentation contradicts the oracle (see
/// evaluator_oracle_disagreements.md): file, index upstream, and the
/// decision the documentation gives.
const std::map<std::pair<std::string, int>, std::string>& documented_disagreements() {
  static const std::map<std::pair<std::string, int>, std::string> cases = {
      {{"sessionPolicies.json", 7}, "Allowed"},
  };
  return cases;
}

void report(const char* what, const std::map<std::string, std::pair<int, int>>& counts) {
  for (const auto& [file, count] : counts) {
    std::printf("oracle %s %s: %d of %d agree\n", what, file.c_str(), count.first, count.second);
  }
}

}  // namespace

TEST_CASE("evaluator oracle: Strict core engine cases agree", "[evaluator][oracle]") {
  if (!oracle_present()) return;
  const json cases = read_json(oracle_dir() / "core_engine_cases.json")["cases"];
  std::map<std::string, std::pair<int, int>> counts;
  int strict = 0;
  for (json entry : cases) {
    if (entry.contains("simulation") && entry["simulation"].value("mode", "Strict") != "Strict") continue;
    ++strict;
    const std::string file = entry["_file"].get<std::string>();
    const int index = entry["_index"].get<int>();
    const std::string oracle = entry["expected"]["response"].get<std::string>();
    std::string expected = oracle;
    const auto disagreement = documented_disagreements().find({file, index});
    if (disagreement != documented_disagreements().end()) {
      CHECK(disagreement->second != oracle);
      expected = disagreement->second;
    }
    add_full_access_rcps(entry);
    const Evaluation evaluation = run_case(entry);
    const std::string decision(to_string(evaluation.decision));
    INFO(file << " #" << index << ": " << entry["name"].get<std::string>() << "\n" << explanation_json(evaluation));
    CHECK(decision == expected);
    auto& [agree, total] = counts[disagreement == documented_disagreements().end()
                                      ? "core_engine_cases.json"
                                      : "core_engine_cases.json, documented disagreements (follow AWS documentation)"];
    ++total;
    if (decision == oracle) ++agree;
  }
  CHECK(strict == 359);
  report("core", counts);
}

TEST_CASE("evaluator oracle: the condition operator tables agree", "[evaluator][oracle]") {
  if (!oracle_present()) return;
  std::map<std::string, std::pair<int, int>> counts;
  int files = 0;
  for (const auto& file : fs::directory_iterator(oracle_dir() / "tables")) {
    const std::string filename = file.path().filename().string();
    if (!filename.starts_with("condition__")) continue;
    ++files;
    const json table = read_json(file.path());
    const std::string op = table["operatorUnderTest"].get<std::string>();
    for (const auto& [table_name, rows] : table["tables"].items()) {
      for (const json& row : rows) {
        // The upstream table calls the operator on a request whose context
        // is exactly requestContext: nothing derived from a principal.
        json context = row.contains("requestContext") && row["requestContext"].is_object() ? row["requestContext"]
                                                                                           : json::object();
        context["test:Key"] = row["testValue"];
        const json statement = {{"Effect", "Allow"},
                                {"Action", "*"},
                                {"Resource", "*"},
                                {"Condition", {{op, {{"test:Key", row["policyValues"]}}}}}};
        const json policy = {{"Version", "2012-10-17"}, {"Statement", json::array({statement})}};
        PolicySetBuilder builder;
        const Document document = parse_document("table.json", policy.dump());
        REQUIRE(document.policy);
        builder.add(PolicyRole::identity, "table.json", *document.policy);
        Request request;
        request.action = "s3:GetObject";
        request.resource = "arn:aws:s3:::bucket/key";
        request.resource_account = "123456789012";
        request.principal = "arn:aws:iam::123456789012:user/test-user";
        request.principal_context = false;
        for (const auto& [key, value] : context.items()) {
          ContextEntry& entry = request.context.emplace_back();
          entry.key = key;
          entry.value.multivalued = value.is_array();
          for (const json& each : value.is_array() ? value : json::array({value})) {
            entry.value.values.push_back(each.is_string() ? each.get<std::string>() : each.dump());
          }
        }
        const auto set = builder.compile();
        const Evaluation evaluation = set->evaluate(request);
        CHECK(set->decide(request) == evaluation.decision);
        const bool holds = evaluation.decision == Decision::allowed;
        INFO(filename << ": " << row["name"].get<std::string>() << "\n" << explanation_json(evaluation));
        CHECK(holds == row["expected"].get<bool>());
        auto& [agree, total] = counts[filename];
        ++total;
        if (holds == row["expected"].get<bool>()) ++agree;
      }
    }
  }
  CHECK(files == 24);
  report("operators", counts);
}

TEST_CASE("evaluator oracle: the Resource and NotResource table agrees", "[evaluator][oracle]") {
  if (!oracle_present()) return;
  const json table = read_json(oracle_dir() / "tables" / "resource__resource.json");
  static const std::map<std::string, std::string> kRoles = {
      {"identity", "identityPolicies"}, {"session", "sessionPolicy"}, {"pb", "permissionBoundaries"},
      {"resource", "resourcePolicy"},   {"vpce", "endpointPolicies"}, {"scp", "serviceControlPolicies"},
      {"rcp", "resourceControlPolicies"}};
  std::map<std::string, std::pair<int, int>> counts;
  for (const auto& [table_name, rows] : table["tables"].items()) {
    for (const json& row : rows) {
      const std::string type = row.value("policyType", "identity");
      json statement = {{"Effect", row.value("effect", "Allow")}, {"Action", "*"}};
      if (row.contains("resourceStatements")) statement["Resource"] = row["resourceStatements"];
      if (row.contains("notResourceStatements")) statement["NotResource"] = row["notResourceStatements"];
      const std::string key = kRoles.at(type);
      const bool principal_role = type == "resource" || type == "vpce" || type == "rcp";
      if (principal_role) statement["Principal"] = "*";
      const json policy = {{"Version", "2012-10-17"}, {"Statement", json::array({statement})}};
      json request = {{"action", "s3:GetBucket"},
                      {"resource", row["resource"]},
                      {"principal", "arn:aws:iam::" + row["resource"].value("accountId", "123456789012") + ":user/u"}};
      if (row.contains("context")) request["context"] = row["context"];
      if (row.value("wildcardOnlyAction", false)) request["wildcardOnlyAction"] = true;
      json entry = {{"name", row["name"]}, {"request", request}};
      if (key == "resourcePolicy" || key == "sessionPolicy") {
        entry[key] = policy;
      } else if (key == "serviceControlPolicies" || key == "resourceControlPolicies") {
        entry[key] = json::array({{{"orgIdentifier", "o-root"}, {"policies", json::array({policy})}}});
      } else {
        entry[key] = json::array({policy});
      }
      const Evaluation evaluation = run_case(entry);
      // The table's policy is the only one whose statement is judged.
      bool matched = false;
      for (const PolicyExplanation& explained : evaluation.policies) {
        if (explained.role != PolicyRole::identity || key == "identityPolicies") {
          REQUIRE(explained.statements.size() == 1);
          matched = explained.statements.front().resource_matched;
        }
      }
      INFO(table_name << ": " << row["name"].get<std::string>() << "\n" << explanation_json(evaluation));
      CHECK(matched == row["expectMatch"].get<bool>());
      auto& [agree, total] = counts["resource__resource.json"];
      ++total;
      if (matched == row["expectMatch"].get<bool>()) ++agree;
    }
  }
  report("resources", counts);
}
