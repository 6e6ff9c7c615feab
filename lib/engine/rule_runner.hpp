#pragma once
// Running the registered rules: the one loop every driver (a document, a
// credential report, a text's secrets, a set of documents) goes through, so
// that select/ignore and severity overrides mean the same for all.
#include <initializer_list>
#include <memory>
#include <string>
#include <span>
#include <vector>

#include "policylint/linter.hpp"
#include "rules/rule.hpp"

namespace policylint::engine {

/// Runs every rule that `linter` selects and whose input is one of `inputs`,
/// then applies the severity overrides and orders `findings` (the context's
/// output) by position, then code.
void run_rules(const Linter& linter, rules::RuleContext& context, std::initializer_list<rules::RuleInput> inputs,
               std::vector<Finding>& findings);

/// True when `linter` selects a rule whose input is `input`.
bool any_rule_selected(const Linter& linter, rules::RuleInput input);

/// Runs the set-level rules over `set`; findings are placed in `anchor`, one
/// of its documents with a policy model. Defined in guardrail_coverage.cpp.
std::vector<Finding> run_set_rules(std::span<const Document> set, const Document& anchor, const Linter& linter);

/// Checks a credential report read into `source` (lint_credential_report
/// without copying the bytes). Defined in hygiene_lint.cpp.
LintResult lint_credential_report(const Linter& linter, std::string name, std::shared_ptr<const std::string> source);

}  // namespace policylint::engine
