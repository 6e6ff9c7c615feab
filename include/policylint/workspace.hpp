#pragma once
// A whole run: many inputs, each read once and routed by its content to the
// source readers that take it (policy JSON, IAM credential reports, any text
// for AWS keys); the per-document rules run on each document as it is read,
// the set-level rules (guardrail coverage over the SCPs) over the documents
// together, and the results come back in input order. The CLI and the C API
// only drive a Workspace.
#include "policylint/export.hpp"
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "policylint/config.hpp"
#include "policylint/linter.hpp"
#include "policylint/policy_type.hpp"

namespace policylint {

/// Which source readers may take an input.
struct InputReaders {
  bool policy = true;  ///< JSON policy documents (not a credential report, whatever the name)
  /// Pass over JSON that is not a policy document, and broken JSON that does
  /// not mention "Statement" (counted as skipped), as a directory walk does.
  bool policies_only = false;
  bool credential_report = true;  ///< IAM credential reports, recognised by their header
  bool secrets = true;            ///< AWS access keys in any text
  /// The input must be a credential report: anything else is an error
  /// (InputResult::error), and no reader takes it.
  bool require_credential_report = false;
};

/// One input of a run: a file, standard input, or bytes in memory.
struct WorkspaceInput {
  enum class Source { file, buffer, standard_input };
  Source source = Source::file;
  std::string path;   ///< the file to read (Source::file)
  std::string name;   ///< the name in findings and reports; also matched by the configuration's per-path globs
  std::string bytes;  ///< the content (Source::buffer)
  /// Lint the input as this type, over the options and the configuration.
  std::optional<PolicyType> policy_type;
  InputReaders readers;
  /// Picked out one by one (a file named on the command line, a file a hook
  /// passes), not found by walking a directory: the SCPs among such inputs
  /// may be only part of the organisation's set.
  bool picked = false;
  /// Only completes the set the set-level rules judge (an SCP of the
  /// repository that the run was not asked to lint): its document is read,
  /// but no finding of its own is reported.
  bool context_only = false;
};

/// What a run produced for one input, handed over in input order.
struct InputResult {
  std::size_t index = 0;  ///< the input's position, from 0
  /// One per document the input holds (a policy file holds one, a template
  /// one per policy), in the input's order; empty when no reader reported on
  /// the input.
  std::vector<LintResult> results;
  bool skipped = false;              ///< passed over: JSON that is not a policy document
  std::string error;                 ///< set when the input could not be read ("name: cannot be read: reason")
};

/// What a run says about itself beyond its results.
struct WorkspaceOutcome {
  /// Set when the set-level rules were selected but did not run, and why
  /// (the SCPs of the run may be only part of the set).
  std::string set_rules_skipped;
};

class POLICYLINT_API Workspace {
 public:
  /// A run with these options, and the configuration's per-path sections
  /// (policy types, per-file ignores) on top of them.
  explicit Workspace(LintOptions options = {}, Config config = {});
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  /// Adds an input; returns its index. Inputs are linted in this order.
  std::size_t add(WorkspaceInput input);
  /// Adds the file at `path`, named `name` in reports (`path` when empty).
  std::size_t add_file(std::string path, std::string name = {}, std::optional<PolicyType> type = {});
  /// Adds bytes in memory under the name `name`.
  std::size_t add_buffer(std::string name, std::string bytes, std::optional<PolicyType> type = {});
  std::size_t size() const noexcept;

  /// Says that the inputs hold the whole set the set-level rules judge (the
  /// driver added the repository's SCPs as context-only inputs), so that
  /// picked inputs do not leave it incomplete.
  void mark_set_complete() noexcept;

  /// Reads and lints every input on `threads` threads (0: one per core),
  /// then runs the set-level rules, and calls `use` on the calling thread
  /// for each input in order. Set-level findings go with the first reported
  /// document of the set, so from that document on results wait for the end.
  /// Context-only inputs are handed over only when they cannot be read.
  WorkspaceOutcome run(unsigned threads, const std::function<void(InputResult&)>& use);

  /// Runs on one thread and returns every result (inputs no reader reported
  /// on are left out).
  std::vector<LintResult> lint_all(WorkspaceOutcome* outcome = nullptr);

  /// The options every input starts from (the configuration merged in).
  const LintOptions& options() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace policylint
