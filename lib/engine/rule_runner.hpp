#pragma once
// Running the registered rules: the one loop every driver (a document, a
// credential report, a text's secrets, a set of documents) goes through, so
// that select/ignore and severity overrides mean the same for all.
#include <memory>
#include <span>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "policylint/linter.hpp"
#include "rules/rule.hpp"

namespace policylint::engine {

/// Applies the severity overrides to `findings` and orders them by
/// position, then code: what run_rules does once its rules have run.
void finish_findings(const Linter& linter, std::vector<Finding>& findings);

/// Runs every rule that `linter` selects and whose check function takes
/// `context` (a PolicyContext runs the document rules too, in code order),
/// then finishes `findings`, the context's output.
template <class Context>
void run_rules(const Linter& linter, Context& context, std::vector<Finding>& findings) {
  for (const rules::Rule* rule : rules::registry()) {
    std::visit(
        [&](auto check) {
          if constexpr (std::is_invocable_v<decltype(check), Context&>) {
            if (linter.selection().selects(rule->info)) {
              context.set_rule(rule->info);
              check(context);
            }
          }
        },
        rule->check);
  }
  finish_findings(linter, findings);
}

/// True when `linter` selects a rule whose input is `input`.
bool any_rule_selected(const Linter& linter, rules::RuleInput input);

/// Runs the set-level rules over `set`; findings are placed in `anchor`, one
/// of its documents with a policy model. Defined in guardrail_coverage.cpp.
std::vector<Finding> run_set_rules(std::span<const Document> set, const Document& anchor, const Linter& linter);

/// Checks a credential report read into `source` (lint_credential_report
/// without copying the bytes). Defined in hygiene_lint.cpp.
LintResult lint_credential_report(const Linter& linter, std::string name, std::shared_ptr<const std::string> source);

}  // namespace policylint::engine
