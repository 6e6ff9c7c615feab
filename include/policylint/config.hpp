#pragma once
// Project configuration: a `.policylint.json` file found in the current
// directory or one of its parents. Every key is documented in
// docs/configuration.md; unknown keys and bad values are errors that point at
// the offending line.
#include "policylint/export.hpp"
#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "policylint/finding.hpp"
#include "policylint/glob.hpp"
#include "policylint/options.hpp"
#include "policylint/policy_type.hpp"
#include "policylint/source.hpp"

namespace policylint {

/// The name of the configuration file looked for.
inline constexpr std::string_view config_file_name = ".policylint.json";

/// Rules that do not apply to the files a glob matches.
struct PerFileIgnore {
  std::string glob;
  std::vector<std::string> selectors;  ///< rule codes, names, code prefixes or categories
};

/// The policy type of the files a glob matches.
struct PolicyTypeByPath {
  std::string glob;
  PolicyType type = PolicyType::identity;
};

/// Credential report thresholds, in days, that a configuration or the command
/// line sets; an unset one keeps the value it would otherwise have.
struct HygieneThresholds {
  std::optional<unsigned> root_recent_use_days;     ///< "root-use-days", --root-use-days
  std::optional<unsigned> max_access_key_age_days;  ///< "max-key-age", --max-key-age
  std::optional<unsigned> max_unused_days;          ///< "max-unused-days", --max-unused-days

  /// Sets in `options` the thresholds this sets.
  POLICYLINT_API void apply_to(HygieneOptions& options) const noexcept;
  /// Takes the thresholds `other` sets, keeping the rest.
  POLICYLINT_API void override_with(const HygieneThresholds& other) noexcept;
};

/// A parsed configuration. Globs are relative to `directory`.
struct Config {
  std::filesystem::path file;       ///< where it was read from; empty for none
  std::filesystem::path directory;  ///< the directory the globs are relative to
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::map<std::string, Severity, std::less<>> severity_overrides;
  std::vector<PerFileIgnore> per_file_ignores;
  std::vector<PolicyTypeByPath> policy_types;  ///< the first matching glob wins
  std::vector<std::string> include;  ///< globs of files a directory walk lints; empty: *.json
  std::vector<std::string> exclude;  ///< globs of files and directories a walk passes over
  std::optional<Severity> fail_on;
  bool require_mfa = false;
  bool legacy_scp = false;
  /// A walk passes over vendored and generated directories (node_modules,
  /// vendor, .terraform, ...) even when git tracks them.
  bool default_excludes = true;
  HygieneThresholds credential_report;
  std::map<std::string, std::vector<std::string>, std::less<>> rule_options;
};

/// A problem in a configuration file, at a place in it.
struct ConfigError {
  std::string file;
  std::optional<SourcePosition> position;  ///< absent when the file cannot be read
  std::string message;
};

/// `file:line:col: message` (or `file: message`), as printed to the user.
POLICYLINT_API std::string to_string(const ConfigError& error);

/// The outcome of reading a configuration: a config, or what is wrong with it.
struct ConfigLoad {
  Config config;
  std::vector<ConfigError> errors;  ///< empty when the configuration is usable
};

/// The configuration file in `start` or the nearest of its parents, if any.
POLICYLINT_API std::optional<std::filesystem::path> find_config(const std::filesystem::path& start);

/// Parses configuration text; `file` names it in errors and anchors globs.
POLICYLINT_API ConfigLoad parse_config(const std::filesystem::path& file, std::string_view text);

/// Reads and parses a configuration file.
POLICYLINT_API ConfigLoad load_config(const std::filesystem::path& file);

/// Option names a configuration's "options" object accepts, with a line each.
struct RuleOptionInfo {
  std::string_view name;
  std::string_view summary;
};
POLICYLINT_API std::span<const RuleOptionInfo> known_rule_options() noexcept;

}  // namespace policylint
