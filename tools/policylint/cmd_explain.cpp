// `policylint explain CODE|NAME`: a rule's full documentation.
#include <cstdio>
#include <string>

#include "commands.hpp"
#include "policylint/option_values.hpp"
#include "policylint/rules.hpp"

namespace policylint::cli {
namespace {

constexpr std::string_view kUsage =
    "usage: policylint explain CODE|NAME\n"
    "Prints a rule's documentation: why it matters, an example, what to write instead.\n"
    "'policylint rules' lists the codes and names.\n";

}  // namespace

int run_explain(Args args) {
  if (args.size() == 1 && (args[0] == "-h" || args[0] == "--help")) {
    std::fwrite(kUsage.data(), 1, kUsage.size(), stdout);
    return exit_clean;
  }
  if (args.size() != 1) {
    std::fputs("policylint: explain takes one rule code or name\n", stderr);
    std::fwrite(kUsage.data(), 1, kUsage.size(), stderr);
    return exit_usage;
  }
  const RuleInfo* rule = find_rule(args.front());
  if (rule == nullptr) {
    std::string error;
    check_rule_selector(args.front(), error);  // for its "did you mean"
    const std::size_t suggestion = error.find("; did you mean");
    std::fprintf(stderr, "policylint: no rule is called '%s'; 'policylint rules' lists them%s\n",
                 std::string(args.front()).c_str(),
                 suggestion == std::string::npos ? "" : error.substr(suggestion).c_str());
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
