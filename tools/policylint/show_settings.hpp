#pragma once
// `policylint --show-settings`: the effective settings of a run and where
// each value came from (default, configuration file, command line).
#include "lint_arguments.hpp"
#include "policylint/config.hpp"

namespace policylint::cli {

/// Prints the settings `arguments` and `config` (not yet merged) make.
void print_settings(const LintArguments& arguments, const Config& config);

}  // namespace policylint::cli
