// Speed of the AWS key scan that runs on every file of a repository walk,
// next to the policy lint of the same bytes for scale. Inputs: the AWS
// managed policies of the shared corpus (JSON), and generated source-like
// text with a key pair every 2,000 lines.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "corpus.hpp"
#include "policylint/hygiene.hpp"

using namespace policylint;

namespace {

// About 8 MB of shell, Python and YAML-like lines, with identifiers, paths,
// hex digests and base64 values, and a made-up key pair every 2,000 lines.
std::string generated_text() {
  const std::vector<std::string> lines = {
      "export PATH=\"$HOME/.local/bin:$PATH\"  # tools installed by bootstrap.sh",
      "def handler(event, context): return {\"statusCode\": 200, \"body\": json.dumps(event)}",
      "  image: public.ecr.aws/docker/library/python:3.12-slim@sha256:9b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c",
      "commit 3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39 Merge branch 'main' into feature/iam-lint",
      "  checksum: Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8xMjM0NTY3ODkw==",
      "resource \"aws_s3_bucket\" \"logs\" { bucket = \"example-logs-111122223333\" }",
      "    for (const auto& statement : policy.statements) { check(statement); }",
  };
  std::string text;
  for (std::size_t i = 0; text.size() < (std::size_t{8} << 20); ++i) {
    if (i % 2000 == 0) {
      text += "aws_access_key_id = AKIAZ7QWERTY2345ABCD\naws_secret_access_key = "
              "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\n";
    }
    text += lines[i % lines.size()];
    text += '\n';
  }
  return text;
}

void scan_all(benchmark::State& state, const std::vector<std::string>& files) {
  if (files.empty()) {
    state.SkipWithError("no input (set POLICYLINT_SHARED_DIR)");
    return;
  }
  const Linter linter;
  std::size_t bytes = 0;
  for (const std::string& file : files) {
    bytes += file.size();
  }
  for (auto _ : state) {
    for (const std::string& file : files) {
      benchmark::DoNotOptimize(scan_secrets(linter, "file", file));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

void BM_ScanSecretsManagedPolicies(benchmark::State& state) {
  static const std::vector<std::string> files = bench::managed_policies();
  scan_all(state, files);
}
BENCHMARK(BM_ScanSecretsManagedPolicies)->Unit(benchmark::kMillisecond);

void BM_ScanSecretsGeneratedText(benchmark::State& state) {
  static const std::vector<std::string> files = {generated_text()};
  scan_all(state, files);
}
BENCHMARK(BM_ScanSecretsGeneratedText)->Unit(benchmark::kMillisecond);

// For scale: linting the same policies (what a walk does to them anyway).
void BM_LintManagedPolicies(benchmark::State& state) {
  static const std::vector<std::string> files = bench::managed_policies();
  const Linter linter;
  std::size_t bytes = 0;
  for (const std::string& file : files) {
    bytes += file.size();
  }
  for (auto _ : state) {
    for (const std::string& file : files) {
      benchmark::DoNotOptimize(linter.lint("policy.json", file));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_LintManagedPolicies)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
