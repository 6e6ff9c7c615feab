#include "show_settings.hpp"

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policylint/options.hpp"

namespace policylint::cli {
namespace {

constexpr std::string_view kDefault = "default";
constexpr std::string_view kCommandLine = "command line";

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    out += out.empty() ? "" : ", ";
    out += item;
  }
  return out;
}

void line(std::string_view key, const std::string& value, std::string_view source) {
  std::printf("%-22.*s %s  (%.*s)\n", static_cast<int>(key.size()), key.data(), value.c_str(),
              static_cast<int>(source.size()), source.data());
}

// A list set on the command line replaces the configuration's.
void list_line(std::string_view key, const std::vector<std::string>& command_line,
               const std::vector<std::string>& configured, const std::string& file, const std::string& fallback) {
  if (!command_line.empty()) {
    line(key, joined(command_line), kCommandLine);
  } else if (!configured.empty()) {
    line(key, joined(configured), file);
  } else {
    line(key, fallback, kDefault);
  }
}

void flag_line(std::string_view key, bool command_line, bool configured, const std::string& file) {
  line(key, command_line || configured ? "true" : "false", command_line ? kCommandLine : configured ? file : kDefault);
}

void days_line(std::string_view key, std::optional<unsigned> command_line, std::optional<unsigned> configured,
               unsigned fallback, const std::string& file) {
  const std::optional<unsigned> value = command_line ? command_line : configured;
  line(key, std::to_string(value.value_or(fallback)), command_line ? kCommandLine : configured ? file : kDefault);
}

std::string_view format_name(OutputFormat format) {
  switch (format) {
    case OutputFormat::json:
      return "json";
    case OutputFormat::sarif:
      return "sarif";
    case OutputFormat::github:
      return "github";
    case OutputFormat::text:
      break;
  }
  return "text";
}

}  // namespace

void print_settings(const LintArguments& arguments, const Config& config) {
  const std::string file = config.file.empty() ? std::string() : config.file.string();
  if (arguments.no_config) {
    line("configuration", "none", "--no-config");
  } else {
    line("configuration", file.empty() ? "none found" : file,
         arguments.config_file ? kCommandLine : "searched from the current directory");
  }
  line("paths", joined(arguments.paths), arguments.paths == std::vector<std::string>{"."} ? kDefault : kCommandLine);
  line("format", std::string(format_name(arguments.format)),
       arguments.format == OutputFormat::text ? kDefault : kCommandLine);
  const LintOptions& options = arguments.lint_options;
  list_line("select", options.select, config.select, file, "every rule");
  list_line("ignore", options.ignore, config.ignore, file, "none");
  for (const auto& [rule, severity] : config.severity_overrides) {
    line("severity", rule + " = " + std::string(to_string(severity)), file);
  }
  if (options.policy_type) {
    line("policy-types", "every file is " + std::string(to_string(*options.policy_type)), kCommandLine);
  } else if (config.policy_types.empty()) {
    line("policy-types", "detected per document", kDefault);
  }
  if (!options.policy_type) {
    for (const PolicyTypeByPath& entry : config.policy_types) {
      line("policy-types", entry.glob + " = " + std::string(to_string(entry.type)), file);
    }
  }
  list_line("include", arguments.include, config.include, file, "*.json");
  if (arguments.exclude.empty() && config.exclude.empty()) line("exclude", "none", kDefault);
  if (!arguments.exclude.empty()) line("exclude", joined(arguments.exclude), kCommandLine);
  if (!config.exclude.empty()) line("exclude", joined(config.exclude), file);
  line("default-excludes", arguments.no_default_excludes || !config.default_excludes ? "false" : "true",
       arguments.no_default_excludes ? kCommandLine
       : !config.default_excludes    ? file
                                     : kDefault);
  const std::optional<Severity> fail_on = arguments.fail_on ? arguments.fail_on : config.fail_on;
  line("fail-on", std::string(to_string(fail_on.value_or(Severity::warning))),
       arguments.fail_on ? kCommandLine
       : config.fail_on  ? file
                         : kDefault);
  flag_line("require-mfa", options.require_mfa, config.require_mfa, file);
  flag_line("legacy-scp", options.legacy_scp, config.legacy_scp, file);
  const HygieneOptions defaults;
  days_line("max-key-age", arguments.thresholds.max_access_key_age_days,
            config.credential_report.max_access_key_age_days, defaults.max_access_key_age_days, file);
  days_line("max-unused-days", arguments.thresholds.max_unused_days, config.credential_report.max_unused_days,
            defaults.max_unused_days, file);
  days_line("root-use-days", arguments.thresholds.root_recent_use_days, config.credential_report.root_recent_use_days,
            defaults.root_recent_use_days, file);
  for (const auto& [name, values] : config.rule_options) {
    line("options." + name, joined(values), file);
  }
  line("jobs", arguments.jobs == 0 ? "one per core" : std::to_string(arguments.jobs),
       arguments.jobs == 0 ? kDefault : kCommandLine);
  line("exit-zero", arguments.exit_zero ? "true" : "false", arguments.exit_zero ? kCommandLine : kDefault);
}

}  // namespace policylint::cli
