#include "engine/source_readers.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <memory>

#include "document/embedded_policy.hpp"
#include "document/templates/cloudformation.hpp"
#include "engine/rule_runner.hpp"
#include "hygiene/credential_report.hpp"
#include "policylint/hygiene.hpp"
#include "policylint/input_file.hpp"

namespace policylint::engine {
namespace {

/// An input's bytes, shared with the parsed document and the result rather
/// than copied into them.
struct Source {
  std::shared_ptr<const std::string> bytes;
  bool over_limit = false;          ///< larger than the parse limit: `bytes` is its start
  std::optional<std::size_t> size;  ///< the file's size, when it has one
};

/// A source reader: takes an input by its content, and reports on it.
struct SourceReader {
  /// Whether the reader may take the input, judged before reading it.
  bool (*wants)(const WorkspaceInput& input);
  /// Reports on the input's bytes, `source`, into `outcome`.
  void (*read)(const WorkspaceInput& input, const Source& source, const Linter& linter, InputOutcome& outcome);
};

// A walk meets many JSON files that are not policies (package.json, tsconfig,
// fixtures). Lint those that are policies; and of the ones that are not even
// JSON, those that mention "Statement", so that a broken policy is reported
// rather than silently skipped while a pile of broken unrelated JSON is not.
bool worth_linting(const Document& document) {
  if (looks_like_policy(document)) {
    return true;
  }
  const bool json_but_not_object =
      std::any_of(document.issues.begin(), document.issues.end(),
                  [](const SyntaxIssue& issue) { return issue.kind == SyntaxIssueKind::not_an_object; });
  return !document.policy && !json_but_not_object && document.source->find("\"Statement\"") != std::string::npos;
}

bool policy_reader_wants(const WorkspaceInput& input) { return input.readers.policy; }

// The set-level rules judge the SCPs of a run together.
bool judged_as_a_set(const LintResult& result) { return result.parsed && result.policy_type == PolicyType::scp; }

// Only the start of an input over the limit is read; the parser's message
// would give that start's size as the input's.
void describe_size(Document& document, const Source& source, std::size_t limit) {
  for (SyntaxIssue& issue : document.issues) {
    if (issue.kind == SyntaxIssueKind::too_large) {
      issue.detail = source.size ? "the input is " + std::to_string(*source.size) + " bytes, more than the limit of " +
                                       std::to_string(limit)
                                 : "the input is more than the limit of " + std::to_string(limit) +
                                       " bytes (reading stopped there)";
    }
  }
}

// YAML, or a CloudFormation ".template": never a policy document itself.
bool named_as_template(const std::string& name) {
  const std::filesystem::path extension = std::filesystem::path(name).extension();
  return extension == ".yaml" || extension == ".yml" || extension == ".template";
}

// The ranges of the values a template computes at deploy time.
void unknown_ranges(const json::Node& node, std::vector<SourceRange>& out) {
  if (node.kind == JsonKind::string && node.text.find(unknown_value_marker) != std::string::npos) {
    out.push_back(node.range);
  }
  for (const json::Node& item : node.items) {
    unknown_ranges(item, out);
  }
  for (const json::Member& member : node.members) {
    unknown_ranges(member.value, out);
  }
}

// Until every rule reads the unknown marker as unknown, a finding about a
// computed value is left out: it would judge a stand-in, not the value.
void drop_findings_on_unknowns(LintResult& result, const std::vector<SourceRange>& unknowns) {
  std::erase_if(result.findings, [&](const Finding& finding) {
    return finding.message.find(unknown_value_marker) != std::string::npos ||
           std::any_of(unknowns.begin(), unknowns.end(), [&](const SourceRange& range) {
             return finding.range.begin.offset >= range.begin.offset && finding.range.begin.offset < range.end.offset;
           });
  });
}

// CloudFormation and SAM templates, JSON or YAML: one document per policy
// they hold, each linted as the type its place gives it.
void read_template(const WorkspaceInput& input, const Source& source, const Linter& linter, InputOutcome& outcome) {
  if (source.over_limit || hygiene::looks_like_credential_report(*source.bytes)) {
    return;  // the policy reader reports the size; the credential report reader takes a report
  }
  TemplateReadOutput read = templates::read_cloudformation(*source.bytes);
  if (!read.is_template) {
    if (named_as_template(input.name) && source.bytes->find_first_not_of(" \t\r\n") != std::string::npos &&
        (*source.bytes)[source.bytes->find_first_not_of(" \t\r\n")] != '{') {
      outcome.taken = true;  // YAML that is not a template
      outcome.skipped = true;
    }
    return;
  }
  outcome.taken = true;
  if (input.context_only) {
    return;
  }
  if (!read.issues.empty()) {
    Document broken;
    broken.name = input.name;
    broken.source = source.bytes;
    broken.issues = std::move(read.issues);
    outcome.results.push_back(linter.lint(broken));
    return;
  }
  for (EmbeddedPolicy& policy : read.policies) {
    const PolicyType type = policy.type;
    std::string subject = std::move(policy.subject);
    std::vector<SourceRange> unknowns;
    unknown_ranges(policy.tree.root, unknowns);
    Document document = embedded_document(input.name, source.bytes, std::move(policy));
    // The place gives the type, whatever the options say.
    LintOptions options = linter.options();
    options.policy_type = type;
    LintResult result = Linter(std::move(options)).lint(document);
    drop_findings_on_unknowns(result, unknowns);
    result.subject = std::move(subject);
    result.document_index = outcome.results.size();
    outcome.results.push_back(std::move(result));
    if (judged_as_a_set(outcome.results.back())) {
      outcome.set_members.push_back(SetMember{std::move(document), outcome.results.size() - 1});
    }
  }
  if (outcome.results.empty()) {
    LintResult empty;  // a template without policies is still a file linted
    empty.file = input.name;
    empty.source = source.bytes;
    outcome.results.push_back(std::move(empty));
  }
}

void read_policy(const WorkspaceInput& input, const Source& source, const Linter& linter, InputOutcome& outcome) {
  if (outcome.taken || (!source.over_limit && hygiene::looks_like_credential_report(*source.bytes))) {
    return;  // a template's, or the credential report reader's
  }
  const ParseLimits& limits = linter.options().parse_limits;
  Document document = parse_document(input.name, source.bytes, limits);
  if (source.over_limit) {
    describe_size(document, source, limits.max_bytes);
  }
  if (input.context_only) {
    if (document.policy && linter.options().policy_type == PolicyType::scp) {
      outcome.set_members.push_back(SetMember{std::move(document), std::nullopt});
    }
    return;
  }
  if (input.readers.policies_only && !worth_linting(document)) {
    outcome.skipped = true;
    return;
  }
  outcome.results.push_back(linter.lint(document));
  if (judged_as_a_set(outcome.results.back())) {
    outcome.set_members.push_back(SetMember{std::move(document), outcome.results.size() - 1});
  }
}

bool credential_report_reader_wants(const WorkspaceInput& input) {
  return input.readers.credential_report && !input.context_only;
}

void read_credential_report(const WorkspaceInput& input, const Source& source, const Linter& linter,
                            InputOutcome& outcome) {
  // One over the limit is reported by the policy reader, as any input that size.
  if (!source.over_limit && hygiene::looks_like_credential_report(*source.bytes)) {
    outcome.results.push_back(lint_credential_report(linter, input.name, source.bytes));
  }
}

bool secret_reader_wants(const WorkspaceInput& input) { return input.readers.secrets && !input.context_only; }

// Runs last, so that its findings join those of the input's other readers.
void read_secrets(const WorkspaceInput& input, const Source& source, const Linter& linter, InputOutcome& outcome) {
  LintResult found = scan_secrets(linter, input.name, *source.bytes);
  if (found.findings.empty()) {
    return;
  }
  if (!outcome.results.empty()) {
    merge_secret_scan(outcome.results.front(), std::move(found));
  } else {
    outcome.results.push_back(std::move(found));
  }
}

constexpr std::array kReaders = {
    SourceReader{policy_reader_wants, read_template},
    SourceReader{policy_reader_wants, read_policy},
    SourceReader{credential_report_reader_wants, read_credential_report},
    SourceReader{secret_reader_wants, read_secrets},
};

}  // namespace

bool wanted(const WorkspaceInput& input) noexcept {
  return std::any_of(kReaders.begin(), kReaders.end(), [&](const SourceReader& reader) { return reader.wants(input); });
}

InputOutcome read_and_lint(const WorkspaceInput& input, const Linter& linter) {
  InputOutcome outcome;
  Source source;
  if (input.source == WorkspaceInput::Source::buffer) {
    source.bytes = std::make_shared<const std::string>(input.bytes);
  } else {
    InputRead read = read_input_file(input.source == WorkspaceInput::Source::file ? input.path : std::string(),
                                     linter.options().parse_limits.max_bytes);
    if (!read.error.empty()) {
      outcome.error = input.name + ": cannot be read: " + read.error;
      return outcome;
    }
    source = Source{std::make_shared<const std::string>(std::move(read.bytes)), read.over_limit, read.size};
  }
  if (input.readers.require_credential_report && !hygiene::looks_like_credential_report(*source.bytes)) {
    outcome.error =
        input.name + " is not an IAM credential report (its first line must start with user,arn,user_creation_time)";
    return outcome;
  }
  for (const SourceReader& reader : kReaders) {
    if (reader.wants(input)) {
      reader.read(input, source, linter, outcome);
    }
  }
  return outcome;
}

}  // namespace policylint::engine
