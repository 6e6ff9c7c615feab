// `policylint rules`: the table of every rule.
#include <cstdio>

#include "commands.hpp"
#include "policylint/rules.hpp"

namespace policylint::cli {

int run_rules(Args args) {
  if (!args.empty()) {
    std::fprintf(stderr, "policylint: 'rules' takes no arguments\n");
    return exit_usage;
  }
  std::printf("%-7s %-32s %-22s %-11s %s\n", "CODE", "NAME", "CATEGORY", "SEVERITY", "SUMMARY");
  for (const RuleInfo* rule : all_rules()) {
    std::printf("%-7.*s %-32.*s %-22.*s %-11.*s %.*s%s\n", static_cast<int>(rule->code.size()), rule->code.data(),
                static_cast<int>(rule->name.size()), rule->name.data(),
                static_cast<int>(to_string(rule->category).size()), to_string(rule->category).data(),
                static_cast<int>(to_string(rule->severity).size()), to_string(rule->severity).data(),
                static_cast<int>(rule->summary.size()), rule->summary.data(), rule->deprecated ? " (deprecated)" : "");
  }
  return exit_clean;
}

}  // namespace policylint::cli
