// Combining command-line options with a configuration, per file.
#include "policylint/linter_set.hpp"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

namespace policylint {

LintOptions merge_options(const Config& config, LintOptions command_line) {
  LintOptions merged = std::move(command_line);
  if (merged.select.empty()) {
    merged.select = config.select;
  }
  if (merged.ignore.empty()) {
    merged.ignore = config.ignore;
  }
  for (const auto& [rule, severity] : config.severity_overrides) {
    merged.severity_overrides.try_emplace(rule, severity);
  }
  for (const auto& [name, values] : config.rule_options) {
    merged.rule_options.try_emplace(name, values);
  }
  merged.require_mfa = merged.require_mfa || config.require_mfa;
  merged.legacy_scp = merged.legacy_scp || config.legacy_scp;
  config.credential_report.apply_to(merged.hygiene);
  return merged;
}

struct LinterSet::Impl {
  Impl(Config given, LintOptions command_line)
      : config(std::move(given)), options(merge_options(config, std::move(command_line))) {}

  Config config;
  LintOptions options;
  /// Keyed by the matching policy-types entry (or none) and which
  /// per-file-ignores entries match.
  std::map<std::pair<std::size_t, std::vector<bool>>, std::unique_ptr<Linter>> linters;
};

LinterSet::LinterSet(Config config, LintOptions options)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(options))) {}

LinterSet::~LinterSet() = default;

const Config& LinterSet::config() const noexcept { return impl_->config; }

const LintOptions& LinterSet::options() const noexcept { return impl_->options; }

const Linter& LinterSet::for_file(const std::filesystem::path& file) {
  const Config& config = impl_->config;
  const LintOptions& merged = impl_->options;
  auto& linters = impl_->linters;
  constexpr std::size_t no_type = static_cast<std::size_t>(-1);
  const bool per_path = !config.per_file_ignores.empty() || !config.policy_types.empty();
  const std::string path = per_path ? relative_path(file, config.directory) : std::string();
  std::size_t type_index = no_type;
  if (per_path && !merged.policy_type) {  // a type given on the command line beats the configuration
    for (std::size_t i = 0; i < config.policy_types.size() && type_index == no_type; ++i) {
      if (path_matches(config.policy_types[i].glob, path)) {
        type_index = i;
      }
    }
  }
  std::vector<bool> ignores(config.per_file_ignores.size());
  for (std::size_t i = 0; i < ignores.size(); ++i) {
    ignores[i] = path_matches(config.per_file_ignores[i].glob, path);
  }
  auto key = std::make_pair(type_index, std::move(ignores));
  auto found = linters.find(key);
  if (found == linters.end()) {
    LintOptions options = merged;
    if (type_index != no_type) {
      options.policy_type = config.policy_types[type_index].type;
    }
    for (std::size_t i = 0; i < key.second.size(); ++i) {
      if (key.second[i]) {
        const auto& selectors = config.per_file_ignores[i].selectors;
        options.ignore.insert(options.ignore.end(), selectors.begin(), selectors.end());
      }
    }
    found = linters.emplace(std::move(key), std::make_unique<Linter>(std::move(options))).first;
  }
  return *found->second;
}

}  // namespace policylint
