#pragma once
// Where the benchmarks find the AWS managed policies of the shared corpus,
// and reading them. Header-only: every benchmarks/*.cpp is its own program.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace policylint::bench {

/// $POLICYLINT_SHARED_DIR, or ../shared beside the source tree.
inline std::filesystem::path shared_dir() {
  const char* dir = std::getenv("POLICYLINT_SHARED_DIR");
  return dir != nullptr && *dir != '\0' ? std::filesystem::path(dir)
                                        : std::filesystem::path(POLICYLINT_DEFAULT_SHARED_DIR);
}

inline std::filesystem::path managed_policy_dir() { return shared_dir() / "corpus" / "aws-managed"; }

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The corpus's *.json files, sorted by name; empty when the corpus is absent.
inline std::vector<std::filesystem::path> managed_policy_paths() {
  std::vector<std::filesystem::path> paths;
  const std::filesystem::path dir = managed_policy_dir();
  if (!std::filesystem::is_directory(dir)) {
    return paths;
  }
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      paths.push_back(entry.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

/// The text of every corpus policy, in name order.
inline std::vector<std::string> managed_policies() {
  std::vector<std::string> texts;
  for (const std::filesystem::path& path : managed_policy_paths()) {
    texts.push_back(read_file(path));
  }
  return texts;
}

/// The message a benchmark skips with when the corpus is absent. Older Google
/// Benchmark releases keep the pointer, so the text lives as long as the program.
inline const char* no_corpus_message() {
  static const std::string message =
      "skipped: no corpus at " + managed_policy_dir().string() + " (set POLICYLINT_SHARED_DIR)";
  return message.c_str();
}

}  // namespace policylint::bench
