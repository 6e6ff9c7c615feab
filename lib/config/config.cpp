// Reading .policylint.json. The file is parsed with the library's own JSON
// parser so that every error can name the line and column it is about.
#include "policylint/config.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <system_error>

#include "text/did_you_mean.hpp"
#include "text/text.hpp"
#include "document/json_tree.hpp"
#include "policylint/input_file.hpp"
#include "policylint/option_values.hpp"

namespace policylint {
namespace {

constexpr std::array kRuleOptions = {
    RuleOptionInfo{"trusted-accounts", "12-digit AWS account ids that cross-account rules treat as your own"},
    RuleOptionInfo{"sensitive-actions", "extra action patterns that rules treat as sensitive (e.g. \"s3:GetObject\")"},
};

constexpr std::array<std::string_view, 13> kKeys = {
    "select",  "ignore",  "severity",    "per-file-ignores", "policy-types",      "include",
    "exclude", "fail-on", "require-mfa", "legacy-scp",       "credential-report", "options",
    "default-excludes",
};

/// The keys of "credential-report", each a threshold in days.
struct ThresholdKey {
  std::string_view name;
  std::optional<unsigned> HygieneThresholds::*field;
};
constexpr std::array kThresholdKeys = {
    ThresholdKey{"max-key-age", &HygieneThresholds::max_access_key_age_days},
    ThresholdKey{"max-unused-days", &HygieneThresholds::max_unused_days},
    ThresholdKey{"root-use-days", &HygieneThresholds::root_recent_use_days},
};

bool is_account_id(std::string_view text) noexcept {
  return text.size() == 12 && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// Turns a parsed JSON tree into a Config, collecting every problem rather
// than stopping at the first, so one run shows the user all of them.
class ConfigReader {
 public:
  ConfigReader(ConfigLoad& load) : load_(load) {}

  void read(const json::Node& root) {
    if (root.kind != JsonKind::object) {
      error(root.range.begin, "the configuration must be a JSON object");
      return;
    }
    Config& config = load_.config;
    for (const json::Member& member : root.members) {
      const json::Node& value = member.value;
      const std::string_view key = member.key;
      if (key == "select") {
        config.select = selectors(value);
      } else if (key == "ignore") {
        config.ignore = selectors(value);
      } else if (key == "severity") {
        read_severity_overrides(value);
      } else if (key == "per-file-ignores") {
        for (const json::Member& entry : object_members(value, key)) {
          config.per_file_ignores.push_back(PerFileIgnore{entry.key, selectors(entry.value)});
        }
      } else if (key == "policy-types") {
        read_policy_types(value);
      } else if (key == "include") {
        config.include = strings(value, key);
      } else if (key == "exclude") {
        config.exclude = strings(value, key);
      } else if (key == "fail-on") {
        config.fail_on = severity(value);
      } else if (key == "require-mfa") {
        config.require_mfa = boolean(value, key);
      } else if (key == "legacy-scp") {
        config.legacy_scp = boolean(value, key);
      } else if (key == "default-excludes") {
        config.default_excludes = boolean(value, key);
      } else if (key == "credential-report") {
        read_thresholds(value);
      } else if (key == "options") {
        read_rule_options(value);
      } else {
        error(member.key_range.begin, "unknown key '" + member.key + "'" +
                                          did_you_mean(key, kKeys, [](std::string_view k) { return k; }) +
                                          " (see docs/configuration.md)");
      }
    }
  }

  void error(SourcePosition at, std::string message) {
    load_.errors.push_back(ConfigError{load_.config.file.string(), at, std::move(message)});
  }

 private:
  std::span<const json::Member> object_members(const json::Node& value, std::string_view key) {
    if (value.kind != JsonKind::object) {
      error(value.range.begin, "'" + std::string(key) + "' must be an object");
      return {};
    }
    return value.members;
  }

  std::vector<std::string> strings(const json::Node& value, std::string_view what) {
    std::vector<std::string> out;
    if (value.kind != JsonKind::array) {
      error(value.range.begin, "'" + std::string(what) + "' must be an array of strings");
      return out;
    }
    for (const json::Node& item : value.items) {
      if (item.kind == JsonKind::string) {
        out.push_back(item.text);
      } else {
        error(item.range.begin, "'" + std::string(what) + "' must hold only strings, not a " +
                                    std::string(to_string(item.kind)));
      }
    }
    return out;
  }

  bool boolean(const json::Node& value, std::string_view key) {
    if (value.kind != JsonKind::boolean) {
      error(value.range.begin, "'" + std::string(key) + "' must be true or false");
    }
    return value.kind == JsonKind::boolean && value.text == "true";
  }

  void read_thresholds(const json::Node& value) {
    for (const json::Member& entry : object_members(value, "credential-report")) {
      const auto known = std::find_if(kThresholdKeys.begin(), kThresholdKeys.end(),
                                      [&](const ThresholdKey& threshold) { return threshold.name == entry.key; });
      if (known == kThresholdKeys.end()) {
        error(entry.key_range.begin,
              "unknown credential-report threshold '" + entry.key + "'" +
                  did_you_mean(entry.key, kThresholdKeys, [](const ThresholdKey& k) { return k.name; }) +
                  " (see docs/configuration.md)");
        continue;
      }
      const json::Node& days = entry.value;
      unsigned parsed = 0;
      const char* end = days.text.data() + days.text.size();
      const auto [stop, failure] = std::from_chars(days.text.data(), end, parsed);
      if (days.kind == JsonKind::number && failure == std::errc() && stop == end) {
        load_.config.credential_report.*(known->field) = parsed;
      } else {
        error(days.range.begin, "'" + entry.key + "' must be a whole number of days");
      }
    }
  }

  std::vector<std::string> selectors(const json::Node& value) {
    std::vector<std::string> out = strings(value, "rule list");
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (std::string message; !check_rule_selector(out[i], message)) {
        error(value.items[i].range.begin, message);
      }
    }
    return out;
  }

  std::optional<Severity> severity(const json::Node& value) {
    std::string message;
    const auto parsed = read_severity(value.kind == JsonKind::string ? value.text : std::string(), message);
    if (!parsed) {
      error(value.range.begin, message);
    }
    return parsed;
  }

  void read_severity_overrides(const json::Node& value) {
    for (const json::Member& entry : object_members(value, "severity")) {
      if (find_rule(entry.key) == nullptr) {
        error(entry.key_range.begin, "'" + entry.key + "' is not a rule code or name; 'policylint rules' lists them");
        continue;
      }
      if (const auto parsed = severity(entry.value)) {
        load_.config.severity_overrides[entry.key] = *parsed;
      }
    }
  }

  void read_policy_types(const json::Node& value) {
    for (const json::Member& entry : object_members(value, "policy-types")) {
      std::string message;
      const auto type =
          read_policy_type(entry.value.kind == JsonKind::string ? entry.value.text : std::string(), message);
      if (type) {
        load_.config.policy_types.push_back(PolicyTypeByPath{entry.key, *type});
      } else {
        error(entry.value.range.begin, message);
      }
    }
  }

  void read_rule_options(const json::Node& value) {
    for (const json::Member& entry : object_members(value, "options")) {
      const bool known = std::any_of(kRuleOptions.begin(), kRuleOptions.end(),
                                     [&](const RuleOptionInfo& option) { return option.name == entry.key; });
      if (!known) {
        error(entry.key_range.begin,
              "unknown option '" + entry.key + "'" +
                  did_you_mean(entry.key, kRuleOptions, [](const RuleOptionInfo& o) { return o.name; }) +
                  " (see docs/configuration.md)");
        continue;
      }
      std::vector<std::string> values = strings(entry.value, entry.key);
      if (entry.key == "trusted-accounts") {
        for (std::size_t i = 0; i < values.size(); ++i) {
          if (!is_account_id(values[i])) {
            error(entry.value.items[i].range.begin, "'" + values[i] + "' is not a 12-digit AWS account id");
          }
        }
      }
      load_.config.rule_options[entry.key] = std::move(values);
    }
  }

  ConfigLoad& load_;
};

}  // namespace

std::string to_string(const ConfigError& error) {
  if (!error.position) {
    return error.file + ": " + error.message;
  }
  return error.file + ":" + std::to_string(error.position->line) + ":" + std::to_string(error.position->column) +
         ": " + error.message;
}

std::span<const RuleOptionInfo> known_rule_options() noexcept { return kRuleOptions; }

std::optional<std::filesystem::path> find_config(const std::filesystem::path& start) {
  std::error_code error;
  std::filesystem::path directory = std::filesystem::absolute(start, error).lexically_normal();
  if (error) {
    return std::nullopt;
  }
  while (true) {
    std::filesystem::path candidate = directory / config_file_name;
    if (std::filesystem::is_regular_file(candidate, error)) {
      return candidate;
    }
    if (!directory.has_relative_path()) {
      return std::nullopt;  // reached the root
    }
    directory = directory.parent_path();
  }
}

ConfigLoad parse_config(const std::filesystem::path& file, std::string_view text) {
  ConfigLoad load;
  load.config.file = file;
  load.config.directory = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
  ConfigReader reader(load);
  std::vector<SyntaxIssue> issues;
  const json::ParseOutput parsed = json::parse(text, ParseLimits{}, issues);
  for (const SyntaxIssue& issue : issues) {
    // Characters IAM rejects in policies are fine in a configuration.
    if (issue.kind != SyntaxIssueKind::unsupported_character) {
      reader.error(issue.range.begin, issue.detail);
    }
  }
  if (parsed.ok) {
    reader.read(parsed.root);
  }
  return load;
}

ConfigLoad load_config(const std::filesystem::path& file) {
  // Read as every input is: a regular file only (a FIFO would wait for a
  // writer), and within the parser's size limit.
  constexpr std::size_t kLimit = ParseLimits{}.max_bytes;
  const InputRead read = read_input_file(file.string(), kLimit);
  if (!read.error.empty() || read.over_limit) {
    ConfigLoad load;
    load.config.file = file;
    load.errors.push_back(
        ConfigError{file.string(), std::nullopt,
                    read.over_limit ? "is larger than " + std::to_string(kLimit) + " bytes, the limit" : read.error});
    return load;
  }
  return parse_config(file, read.bytes);
}

}  // namespace policylint
