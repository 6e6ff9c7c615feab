// `policylint explain CODE|NAME`: a rule's full documentation.
#include <cstdio>
#include <string>

#include "commands.hpp"
#include "policylint/rules.hpp"

namespace policylint::cli {

int run_explain(Args args) {
  if (args.size() != 1) {
    std::fprintf(stderr, "policylint: usage: policylint explain CODE|NAME\n");
    return exit_usage;
  }
  const RuleInfo* rule = find_rule(args.front());
  if (rule == nullptr) {
    std::fprintf(stderr, "policylint: no rule is called '%s'; 'policylint rules' lists them\n",
                 std::string(args.front()).c_str());
    return exit_usage;
  }
  std::printf("%.*s %.*s (%.*s, %.*s)\n\n", static_cast<int>(rule->code.size()), rule->code.data(),
              static_cast<int>(rule->name.size()), rule->name.data(),
              static_cast<int>(to_string(rule->severity).size()), to_string(rule->severity).data(),
              static_cast<int>(to_string(rule->category).size()), to_string(rule->category).data());
  const std::string_view doc = rule_documentation(rule->code);
  std::fwrite(doc.data(), 1, doc.size(), stdout);
  return exit_clean;
}

}  // namespace policylint::cli
