// Speed of the compiled-in IAM catalog: lookups, action-pattern expansion,
// and expansion of every Action/NotAction entry of the AWS managed policies.
#include <benchmark/benchmark.h>

#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "corpus.hpp"
#include "policylint/catalog.hpp"

namespace catalog = policylint::catalog;

namespace {

void BM_ExpandStar(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(catalog::expand("*"));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * catalog::counts().actions));
}
BENCHMARK(BM_ExpandStar)->Unit(benchmark::kMicrosecond);

void BM_ExpandPattern(benchmark::State& state, std::string_view pattern) {
  for (auto _ : state) benchmark::DoNotOptimize(catalog::expand(pattern));
}
BENCHMARK_CAPTURE(BM_ExpandPattern, service_star, std::string_view("s3:*"));
BENCHMARK_CAPTURE(BM_ExpandPattern, service_prefix, std::string_view("ec2:Describe*"));
BENCHMARK_CAPTURE(BM_ExpandPattern, exact, std::string_view("iam:PassRole"));
BENCHMARK_CAPTURE(BM_ExpandPattern, infix, std::string_view("iam:*AccessKey*"));
BENCHMARK_CAPTURE(BM_ExpandPattern, any_service_prefix, std::string_view("*:Get*"));
BENCHMARK_CAPTURE(BM_ExpandPattern, wild_service_suffix, std::string_view("s?:*Object"));

void BM_ExpandComplement(benchmark::State& state) {
  const std::array<std::string_view, 2> patterns = {"iam:*", "organizations:*"};
  for (auto _ : state) benchmark::DoNotOptimize(catalog::expand_complement(patterns));
}
BENCHMARK(BM_ExpandComplement)->Unit(benchmark::kMicrosecond);

void BM_FindAction(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(catalog::find_action("EC2:describeinstances"));
}
BENCHMARK(BM_FindAction);

void BM_FindConditionKey(benchmark::State& state, std::string_view key) {
  for (auto _ : state) benchmark::DoNotOptimize(catalog::find_condition_key(key));
}
BENCHMARK_CAPTURE(BM_FindConditionKey, exact, std::string_view("aws:SourceIp"));
BENCHMARK_CAPTURE(BM_FindConditionKey, patterned, std::string_view("aws:RequestTag/Env"));

// ---------------------------------------------------------------- corpus

void add_strings(const nlohmann::json& value, std::vector<std::string>& out) {
  if (value.is_string()) out.push_back(value.get<std::string>());
  if (value.is_array()) {
    for (const auto& item : value) add_strings(item, out);
  }
}

/// One entry per Action/NotAction element: its patterns, and whether it is NotAction.
struct ActionList {
  std::vector<std::string> patterns;
  bool negated;
};

std::vector<ActionList> load_corpus_action_lists() {
  std::vector<ActionList> lists;
  for (const std::string& text : policylint::bench::managed_policies()) {
    const auto policy = nlohmann::json::parse(text, nullptr, false);
    if (policy.is_discarded() || !policy.contains("Statement")) continue;
    const auto& statements = policy["Statement"];
    auto visit = [&](const nlohmann::json& statement) {
      for (const char* key : {"Action", "NotAction"}) {
        if (!statement.is_object() || !statement.contains(key)) continue;
        ActionList list{{}, std::string_view(key) == "NotAction"};
        add_strings(statement[key], list.patterns);
        lists.push_back(std::move(list));
      }
    };
    if (statements.is_array()) {
      for (const auto& statement : statements) visit(statement);
    } else {
      visit(statements);
    }
  }
  return lists;
}

void BM_ExpandManagedPolicies(benchmark::State& state) {
  static const std::vector<ActionList> lists = load_corpus_action_lists();
  if (lists.empty()) {
    state.SkipWithError(policylint::bench::no_corpus_message());
    return;
  }
  std::size_t patterns = 0;
  for (const ActionList& list : lists) patterns += list.patterns.size();
  // The patterns as the policy model holds them (views into the document), so
  // that the loop times the expansion alone.
  std::vector<std::vector<std::string_view>> views;
  for (const ActionList& list : lists) views.emplace_back(list.patterns.begin(), list.patterns.end());
  std::size_t actions = 0;
  for (auto _ : state) {
    actions = 0;
    for (std::size_t i = 0; i < lists.size(); ++i) {
      const auto expanded = lists[i].negated ? catalog::expand_complement(views[i]) : catalog::expand_any(views[i]);
      actions += expanded.size();
      benchmark::DoNotOptimize(expanded.data());
    }
  }
  state.counters["lists"] = static_cast<double>(lists.size());
  state.counters["patterns"] = static_cast<double>(patterns);
  state.counters["actions/pass"] = static_cast<double>(actions);
  state.counters["patterns/s"] =
      benchmark::Counter(static_cast<double>(patterns), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["actions/s"] =
      benchmark::Counter(static_cast<double>(actions), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ExpandManagedPolicies)->Unit(benchmark::kMillisecond);

// ------------------------------------------------------------ ARN matching
// Last in the file, so last to run: the "first" case leaves the matcher's
// per-thread memory full (about 10 MiB of remembered pairs), which slowed
// the benchmarks that ran after it by up to a third.

// arn_can_match remembers the answers of its last 65,536 pairs: "remembered"
// asks one pair again and again, "first" cycles through more distinct ARNs
// than it keeps, so every call walks the matcher.
void BM_ArnCanMatch(benchmark::State& state, bool remembered) {
  const auto object = catalog::find_resource_type("s3", "object");
  std::vector<std::string> arns;
  for (int i = 0; i < (remembered ? 1 : 100'000); ++i) arns.push_back("arn:aws:s3:::bucket-" + std::to_string(i) + "/*");
  std::size_t next = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(catalog::arn_can_match(arns[next], *object));
    next = next + 1 == arns.size() ? 0 : next + 1;
  }
}
BENCHMARK_CAPTURE(BM_ArnCanMatch, remembered, true);
BENCHMARK_CAPTURE(BM_ArnCanMatch, first, false);

}  // namespace

BENCHMARK_MAIN();
