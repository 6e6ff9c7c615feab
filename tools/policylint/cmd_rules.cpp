// `policylint rules [--format text|json]`: the table of every rule.
#include <cstdio>
#include <string>

#include "commands.hpp"
#include "policylint/report.hpp"
#include "policylint/rules.hpp"

namespace policylint::cli {
namespace {

constexpr std::string_view kUsage =
    "usage: policylint rules [--format text|json]\n"
    "Lists every rule: code, name, category, severity and summary.\n"
    "'policylint explain CODE' prints one rule's documentation.\n";

void print_table() {
  std::printf("%-7s %-32s %-22s %-11s %s\n", "CODE", "NAME", "CATEGORY", "SEVERITY", "SUMMARY");
  for (const RuleInfo* rule : all_rules()) {
    std::printf("%-7.*s %-32.*s %-22.*s %-11.*s %.*s%s\n", static_cast<int>(rule->code.size()), rule->code.data(),
                static_cast<int>(rule->name.size()), rule->name.data(),
                static_cast<int>(to_string(rule->category).size()), to_string(rule->category).data(),
                static_cast<int>(to_string(rule->severity).size()), to_string(rule->severity).data(),
                static_cast<int>(rule->summary.size()), rule->summary.data(), rule->deprecated ? " (deprecated)" : "");
  }
}

}  // namespace

int run_rules(Args args) {
  std::string_view format = "text";
  if (args.size() == 1 && (args[0] == "-h" || args[0] == "--help")) {
    std::fwrite(kUsage.data(), 1, kUsage.size(), stdout);
    return exit_clean;
  }
  if (args.size() == 2 && args[0] == "--format") {
    format = args[1];
  } else if (args.size() == 1 && args[0].starts_with("--format=")) {
    format = args[0].substr(9);
  } else if (!args.empty()) {
    std::fprintf(stderr, "policylint: unknown argument '%s' for rules\n", std::string(args[0]).c_str());
    std::fwrite(kUsage.data(), 1, kUsage.size(), stderr);
    return exit_usage;
  }
  if (format == "json") {
    const std::string json = render_rules_json();
    std::fwrite(json.data(), 1, json.size(), stdout);
  } else if (format == "text") {
    print_table();
  } else {
    std::fprintf(stderr, "policylint: unknown format '%.*s' (expected text or json)\n", static_cast<int>(format.size()),
                 format.data());
    return exit_usage;
  }
  return exit_clean;
}

}  // namespace policylint::cli
