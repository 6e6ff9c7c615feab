#pragma once
// Reading one input of a workspace. The registry of source readers in
// source_readers.cpp routes the input's bytes, by content, to every reader
// that takes them (policy JSON, credential report, AWS keys in any text); it
// is the one place to add another (templates, account snapshots).
#include <optional>
#include <string>

#include "policylint/document.hpp"
#include "policylint/linter.hpp"
#include "policylint/workspace.hpp"

namespace policylint::engine {

/// What reading one input produced.
struct InputOutcome {
  std::optional<LintResult> result;  ///< absent when no reader reported on the input
  bool skipped = false;              ///< passed over: JSON that is not a policy document
  std::string error;                 ///< set when the input could not be read
  /// The input's policy document when the set-level rules judge it (an SCP).
  std::optional<Document> set_member;
};

/// True when some reader may take the input, judged before reading it.
bool wanted(const WorkspaceInput& input) noexcept;

/// Reads the input and runs the readers that take it. Safe to call from many
/// threads at once.
InputOutcome read_and_lint(const WorkspaceInput& input, const Linter& linter);

}  // namespace policylint::engine
