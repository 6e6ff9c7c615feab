#pragma once
// The options of each file of a run: the run's options, merged with a
// configuration and its per-path sections (policy types, per-file ignores).
#include "policylint/export.hpp"
#include <filesystem>
#include <memory>

#include "policylint/config.hpp"
#include "policylint/linter.hpp"

namespace policylint {

/// The run's options merged with a configuration: command-line values win,
/// configuration fills in the rest. LintOptions cannot say which credential
/// report thresholds were chosen, so the configuration's replace them: a
/// caller with its own threshold flags puts them into the configuration
/// first (HygieneThresholds::override_with).
POLICYLINT_API LintOptions merge_options(const Config& config, LintOptions command_line);

/// Hands out the Linter for each file: the merged options plus what the
/// configuration's per-file sections say about that path. Files that share
/// settings share a Linter. `for_file` is not thread-safe; the Linters it
/// returns are, and live as long as the set.
class POLICYLINT_API LinterSet {
 public:
  LinterSet(Config config, LintOptions options);
  ~LinterSet();
  LinterSet(const LinterSet&) = delete;
  LinterSet& operator=(const LinterSet&) = delete;

  const Linter& for_file(const std::filesystem::path& file);
  const Config& config() const noexcept;
  const LintOptions& options() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace policylint
