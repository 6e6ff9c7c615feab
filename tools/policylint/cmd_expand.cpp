// `policylint expand [--not] [--format text|json] PATTERN...`: the actions an
// Action (or, with --not, a NotAction) list stands for.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "commands.hpp"
#include "policylint/catalog.hpp"
#include "policylint/option_values.hpp"
#include "safe_stderr.hpp"
#include "text_or_json_option.hpp"

namespace policylint::cli {
namespace {

constexpr const char* kUsage =
    "usage: policylint expand [--not] [--format text|json] PATTERN...\n"
    "Lists the actions matched by any PATTERN (service:Action, '*' and '?' allowed),\n"
    "or with --not the actions matched by none of them.\n";

int view_size(std::string_view s) { return static_cast<int>(s.size()); }

// Action names and access levels are letters, digits, '-' and ':' (the tests
// check every catalog name), so they need no JSON escaping.
void print_json(const std::vector<catalog::ActionView>& actions) {
  std::printf("{\"actions\": [");
  const char* separator = "";
  for (const catalog::ActionView action : actions) {
    const std::string_view level = to_string(action.access_level());
    std::printf("%s{\"action\": \"%.*s\", \"access_level\": \"%.*s\"}", separator, view_size(action.name()),
                action.name().data(), view_size(level), level.data());
    separator = ", ";
  }
  std::printf("]}\n");
}

void print_text(const std::vector<catalog::ActionView>& actions) {
  std::size_t width = 0;
  for (const catalog::ActionView action : actions) width = std::max(width, action.name().size());
  for (const catalog::ActionView action : actions) {
    const std::string_view level = to_string(action.access_level());
    std::printf("%-*.*s  %.*s\n", static_cast<int>(width), view_size(action.name()), action.name().data(),
                view_size(level), level.data());
  }
}

// For a pattern that matches nothing: the nearest action name, or for a
// pattern with wildcards the nearest service prefix.
std::string suggestion_for(std::string_view pattern) {
  std::vector<std::string_view> names;
  std::string_view wrong = pattern;
  if (pattern.find_first_of("*?") == std::string_view::npos) {
    for (const catalog::ActionView action : catalog::actions()) names.push_back(action.name());
  } else {
    wrong = pattern.substr(0, pattern.find(':'));
    for (const catalog::ServiceView service : catalog::services()) names.push_back(service.prefix());
  }
  return suggest_name(wrong, names);
}

}  // namespace

int run_expand(Args args) {
  TextOrJson format = TextOrJson::text;
  bool complement = false;
  std::vector<std::string_view> patterns;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (arg == "-h" || arg == "--help") {
      std::fputs(kUsage, stdout);
      return exit_clean;
    }
    if (arg == "--not") {
      complement = true;
      continue;
    }
    const OptionResult parsed = parse_text_or_json(args, i, format);
    if (parsed == OptionResult::error) return exit_usage;
    if (parsed == OptionResult::parsed) continue;
    if (arg.starts_with("-")) {
      std::fprintf(stderr, "policylint: unknown option '%s' for expand\n", std::string(arg).c_str());
      std::fputs(kUsage, raw_standard_error());
      return exit_usage;
    }
    patterns.push_back(arg);
  }
  if (patterns.empty()) {
    std::fputs("policylint: expand needs at least one PATTERN\n", stderr);
    std::fputs(kUsage, raw_standard_error());
    return exit_usage;
  }

  const std::vector<catalog::ActionView> actions =
      complement ? catalog::expand_complement(patterns) : catalog::expand_any(patterns);
  if (format == TextOrJson::json) {
    print_json(actions);
  } else {
    print_text(actions);
  }
  if (actions.empty()) {
    std::fprintf(stderr, "policylint: %s\n",
                 complement ? "the patterns match every action in the catalog" : "no action matches");
    for (const std::string_view pattern : patterns) {
      if (complement || !catalog::expand(pattern).empty()) continue;
      const std::string suggestion = suggestion_for(pattern);
      if (!suggestion.empty()) {
        std::fprintf(stderr, "policylint: '%s' matches no action%s\n", std::string(pattern).c_str(), suggestion.c_str());
      }
    }
    return exit_findings;
  }
  return exit_clean;
}

}  // namespace policylint::cli
