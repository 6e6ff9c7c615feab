#pragma once
// Reading one input of a workspace. The registry of source readers in
// source_readers.cpp routes the input's bytes, by content, to every reader
// that takes them (policy JSON, credential report, AWS keys in any text); it
// is the one place to add another (templates, account snapshots).
#include <optional>
#include <string>
#include <vector>

#include "policylint/document.hpp"
#include "policylint/linter.hpp"
#include "policylint/workspace.hpp"

namespace policylint::engine {

/// A document of the input that the set-level rules judge (an SCP).
struct SetMember {
  Document document;
  /// Its result in InputOutcome::results; absent for a context-only input.
  std::optional<std::size_t> result;
};

/// What reading one input produced.
struct InputOutcome {
  /// One per document read, in the input's order; empty when no reader
  /// reported on the input.
  std::vector<LintResult> results;
  bool skipped = false;  ///< passed over: JSON that is not a policy document, YAML that is not a template
  bool taken = false;    ///< a template reader took the input: the policy reader passes it over
  std::string error;     ///< set when the input could not be read
  std::vector<SetMember> set_members;
};

/// True when some reader may take the input, judged before reading it.
bool wanted(const WorkspaceInput& input) noexcept;

/// Reads the input and runs the readers that take it. Safe to call from many
/// threads at once.
InputOutcome read_and_lint(const WorkspaceInput& input, const Linter& linter);

}  // namespace policylint::engine
