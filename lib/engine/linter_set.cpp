// Combining command-line options with a configuration, per file.
#include <algorithm>

#include "policylint/config.hpp"
#include "policylint/rules.hpp"

namespace policylint {

bool selects_any_rule(std::string_view selector) {
  // The Linter owns what a selector means; ask it rather than restate it.
  LintOptions options;
  options.select.emplace_back(selector);
  const Linter probe(std::move(options));
  const std::vector<const RuleInfo*> rules = all_rules();
  return std::any_of(rules.begin(), rules.end(), [&](const RuleInfo* rule) { return probe.enabled(*rule); });
}

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

LinterSet::LinterSet(Config config, LintOptions options)
    : config_(std::move(config)), options_(merge_options(config_, std::move(options))) {}

const Linter& LinterSet::for_file(const std::filesystem::path& file) {
  constexpr std::size_t no_type = static_cast<std::size_t>(-1);
  const bool per_path = !config_.per_file_ignores.empty() || !config_.policy_types.empty();
  const std::string path = per_path ? relative_path(file, config_.directory) : std::string();
  std::size_t type_index = no_type;
  if (per_path && !options_.policy_type) {  // a type given on the command line beats the configuration
    for (std::size_t i = 0; i < config_.policy_types.size() && type_index == no_type; ++i) {
      if (path_matches(config_.policy_types[i].glob, path)) {
        type_index = i;
      }
    }
  }
  std::vector<bool> ignores(config_.per_file_ignores.size());
  for (std::size_t i = 0; i < ignores.size(); ++i) {
    ignores[i] = path_matches(config_.per_file_ignores[i].glob, path);
  }
  auto key = std::make_pair(type_index, std::move(ignores));
  auto found = linters_.find(key);
  if (found == linters_.end()) {
    LintOptions options = options_;
    if (type_index != no_type) {
      options.policy_type = config_.policy_types[type_index].type;
    }
    for (std::size_t i = 0; i < key.second.size(); ++i) {
      if (key.second[i]) {
        const auto& selectors = config_.per_file_ignores[i].selectors;
        options.ignore.insert(options.ignore.end(), selectors.begin(), selectors.end());
      }
    }
    found = linters_.emplace(std::move(key), std::make_unique<Linter>(std::move(options))).first;
  }
  return *found->second;
}

}  // namespace policylint
