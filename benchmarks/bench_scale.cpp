// Linting documents built to be hard: thousands of statements that share
// their actions, one statement with thousands of Resource entries or
// condition keys, thousands of copies of one statement, and a 50 MiB policy
// of corpus statements. Each is generated here, never committed. The time
// of each should grow as n log n at most: every rule that compares entries
// or statements with one another finds the pairs through an index.
#include <benchmark/benchmark.h>

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

#include "corpus.hpp"
#include "policylint/linter.hpp"

using namespace policylint;

namespace {

std::string policy_of(const std::string& statements) {
  return R"({"Version":"2012-10-17","Statement":[)" + statements + "]}";
}

/// `count` statements granting the same two actions, each on its own bucket.
std::string statements_sharing_actions(std::size_t count) {
  std::string statements;
  for (std::size_t i = 0; i < count; ++i) {
    statements += (i == 0 ? "" : ",") + std::string(R"({"Sid":"S)") + std::to_string(i) +
                  R"(","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::bucket-)" +
                  std::to_string(i) + R"(/*"})";
  }
  return policy_of(statements);
}

/// `count` copies of one statement, each with its own Sid: all but the first
/// are redundant.
std::string identical_statements(std::size_t count) {
  std::string statements;
  for (std::size_t i = 0; i < count; ++i) {
    statements += (i == 0 ? "" : ",") + std::string(R"({"Sid":"S)") + std::to_string(i) +
                  R"(","Effect":"Allow","Action":"s3:GetObject","Resource":"*"})";
  }
  return policy_of(statements);
}

/// One statement with `count` entries of `element` ("Resource" or "NotResource").
std::string many_resources(std::size_t count, const char* element) {
  std::string list;
  for (std::size_t i = 0; i < count; ++i) {
    list += (i == 0 ? "\"" : ",\"") + std::string("arn:aws:s3:::bucket/key-") + std::to_string(i) + "\"";
  }
  return policy_of(R"({"Effect":"Allow","Action":"s3:GetObject",")" + std::string(element) + "\":[" + list + "]}");
}

/// One statement with `count` keys in one condition block.
std::string many_condition_keys(std::size_t count) {
  std::string keys;
  for (std::size_t i = 0; i < count; ++i) {
    keys += (i == 0 ? "" : ",") + std::string(R"("aws:PrincipalTag/k)") + std::to_string(i) + R"(":"v")";
  }
  return policy_of(R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{)" + keys +
                   "}}}");
}

/// One policy of about `bytes` bytes whose statements run through every
/// corpus statement again and again, each with its own Sid (as
/// generate_repo.py document does); empty without the corpus.
std::string corpus_statements_policy(std::size_t bytes) {
  std::vector<nlohmann::json> corpus_statements;
  for (const std::string& text : bench::managed_policies()) {
    const nlohmann::json policy = nlohmann::json::parse(text, nullptr, false);
    if (!policy.is_object() || !policy.contains("Statement")) {
      continue;
    }
    const nlohmann::json& listed = policy["Statement"];
    for (const nlohmann::json& statement : listed.is_array() ? listed : nlohmann::json::array({listed})) {
      if (statement.is_object()) {
        corpus_statements.push_back(statement);
      }
    }
  }
  if (corpus_statements.empty()) {
    return {};
  }
  std::string statements;
  for (std::size_t i = 0; statements.size() < bytes; ++i) {
    nlohmann::json statement = corpus_statements[i % corpus_statements.size()];
    statement["Sid"] = "S" + std::to_string(i);
    statements += (i == 0 ? "" : ",\n") + statement.dump(2);
  }
  return policy_of(statements);
}

void lint(benchmark::State& state, const std::string& text) {
  if (text.empty()) {
    state.SkipWithError(bench::no_corpus_message());
    return;
  }
  const Linter linter;
  std::size_t findings = 0;
  for (auto _ : state) {
    findings = linter.lint("policy.json", text).findings.size();
    benchmark::DoNotOptimize(findings);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["findings"] = static_cast<double>(findings);
}

void register_lint(const std::string& name, const std::function<std::string()>& make, int iterations = 0) {
  auto* benchmark = benchmark::RegisterBenchmark(name.c_str(), [make](benchmark::State& state) {
    const std::string text = make();  // built once per run of the benchmark, outside the timing
    lint(state, text);
  });
  benchmark->Unit(benchmark::kMillisecond)->UseRealTime();
  if (iterations > 0) {
    benchmark->Iterations(iterations);
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  for (const std::size_t count : {1000, 4000, 16000}) {
    register_lint("BM_StatementsSharingActions/" + std::to_string(count),
                  [count] { return statements_sharing_actions(count); });
  }
  register_lint("BM_IdenticalStatements/16000", [] { return identical_statements(16000); });
  register_lint("BM_Resources/16000", [] { return many_resources(16000, "Resource"); });
  register_lint("BM_NotResources/16000", [] { return many_resources(16000, "NotResource"); });
  register_lint("BM_ConditionKeys/16000", [] { return many_condition_keys(16000); });
  register_lint(
      "BM_CorpusStatementsPolicy/50MiB", [] { return corpus_statements_policy(50 << 20); }, 1);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
