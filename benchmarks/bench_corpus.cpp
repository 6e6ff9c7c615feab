// The whole AWS managed policy corpus, single-threaded: reading and linting
// every file with every rule, against reading and parsing the same files with
// a bare nlohmann::json::parse. The ratio of the two is printed at the end:
// it is how much a full lint costs over merely reading the JSON.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "corpus.hpp"
#include "policylint/linter.hpp"

using namespace policylint;

namespace {

const std::vector<std::filesystem::path>& corpus() {
  static const std::vector<std::filesystem::path> paths = bench::managed_policy_paths();
  return paths;
}

// Runs `read` over every corpus file per iteration; files are read from disk
// (the page cache, after the first pass) each time, as the CLI does.
template <class Read>
void over_corpus(benchmark::State& state, Read read) {
  if (corpus().empty()) {
    state.SkipWithError(bench::no_corpus_message());
    return;
  }
  std::size_t bytes = 0;
  for (auto _ : state) {
    bytes = 0;
    for (const std::filesystem::path& path : corpus()) {
      const std::string text = bench::read_file(path);
      bytes += text.size();
      read(path, text);
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["files"] = static_cast<double>(corpus().size());
}

void BM_CorpusLint(benchmark::State& state) {
  const Linter linter;
  over_corpus(state, [&](const std::filesystem::path& path, const std::string& text) {
    benchmark::DoNotOptimize(linter.lint(path.filename().string(), text));
  });
}
BENCHMARK(BM_CorpusLint)->Unit(benchmark::kMillisecond);

void BM_CorpusJsonParse(benchmark::State& state) {
  over_corpus(state, [](const std::filesystem::path&, const std::string& text) {
    benchmark::DoNotOptimize(nlohmann::json::parse(text));
  });
}
BENCHMARK(BM_CorpusJsonParse)->Unit(benchmark::kMillisecond);

// The console output, plus the lint/parse ratio once both have run. With
// repetitions, the medians are compared.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      const bool usable = !run.error_occurred &&
                          (run.run_type == Run::RT_Iteration ? run.repetitions <= 1 : run.aggregate_name == "median");
      if (!usable) {
        continue;
      }
      const std::string name = run.run_name.function_name;
      if (name == "BM_CorpusLint") {
        lint_ = run.GetAdjustedRealTime();
      } else if (name == "BM_CorpusJsonParse") {
        parse_ = run.GetAdjustedRealTime();
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }

  void Finalize() override {
    ConsoleReporter::Finalize();
    if (lint_ && parse_ && *parse_ > 0) {
      std::printf("lint / nlohmann::json::parse (wall, single thread): %.2f\n", *lint_ / *parse_);
    }
  }

 private:
  std::optional<double> lint_;
  std::optional<double> parse_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
