// The stages of linting one policy, on three AWS managed policies of the
// shared corpus: the smallest, the median and the largest by size. Parse is
// reading the JSON into the model; validate is parse plus the syntax and
// validity rules; effective access is building the model the security rules
// ask (from an already parsed policy); lint is parse plus every rule.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analysis/effective_access.hpp"
#include "corpus.hpp"
#include "policylint/document.hpp"
#include "policylint/linter.hpp"

using namespace policylint;

namespace {

struct Sample {
  std::string label;  ///< e.g. "median:AmazonS3FullAccess.json"
  std::string text;
};

// The smallest, median and largest corpus policies by byte size.
std::vector<Sample> samples() {
  std::vector<std::filesystem::path> paths = bench::managed_policy_paths();
  if (paths.empty()) {
    return {};
  }
  std::stable_sort(paths.begin(), paths.end(), [](const auto& a, const auto& b) {
    return std::filesystem::file_size(a) < std::filesystem::file_size(b);
  });
  const auto sample = [](const char* which, const std::filesystem::path& path) {
    return Sample{std::string(which) + ":" + path.filename().string(), bench::read_file(path)};
  };
  return {sample("small", paths.front()), sample("median", paths[paths.size() / 2]), sample("largest", paths.back())};
}

void set_bytes(benchmark::State& state, const Sample& sample) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * sample.text.size()));
  state.counters["bytes"] = static_cast<double>(sample.text.size());
}

void parse(benchmark::State& state, const Sample& sample) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(parse_document("policy.json", sample.text));
  }
  set_bytes(state, sample);
}

void validate(benchmark::State& state, const Sample& sample) {
  LintOptions options;
  options.select = {"syntax", "validity"};
  const Linter linter(options);
  for (auto _ : state) {
    benchmark::DoNotOptimize(linter.lint("policy.json", sample.text));
  }
  set_bytes(state, sample);
}

void effective_access(benchmark::State& state, const Sample& sample) {
  const Document document = parse_document("policy.json", sample.text);
  const analysis::Day today = analysis::current_day();
  for (auto _ : state) {
    const analysis::EffectiveAccess access(*document.policy, today);
    benchmark::DoNotOptimize(access.allows().data());
  }
  set_bytes(state, sample);
}

void lint(benchmark::State& state, const Sample& sample) {
  const Linter linter;
  for (auto _ : state) {
    benchmark::DoNotOptimize(linter.lint("policy.json", sample.text));
  }
  set_bytes(state, sample);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  static const std::vector<Sample> policies = samples();
  if (policies.empty()) {
    benchmark::RegisterBenchmark("policy",
                                 [](benchmark::State& state) { state.SkipWithError(bench::no_corpus_message()); });
  }
  using Stage = void (*)(benchmark::State&, const Sample&);
  const std::pair<const char*, Stage> stages[] = {
      {"parse", parse}, {"validate", validate}, {"effective_access", effective_access}, {"lint", lint}};
  for (const auto& [name, stage] : stages) {
    for (const Sample& sample : policies) {
      benchmark::RegisterBenchmark((std::string(name) + "/" + sample.label).c_str(), stage, sample)
          ->Unit(benchmark::kMicrosecond);
    }
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
