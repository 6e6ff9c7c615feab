// A run over many inputs: read and lint each on all cores, hand the results
// over in input order, and judge the SCPs of the run together.
#include "policylint/workspace.hpp"

#include <algorithm>
#include <map>

#include "engine/parallel_run.hpp"
#include "engine/return_to_maker.hpp"
#include "engine/rule_runner.hpp"
#include "engine/source_readers.hpp"
#include "policylint/linter_set.hpp"

namespace policylint {
namespace {

// Results held at once: enough for every core to run ahead of the output,
// few enough that memory does not grow with the number of inputs.
constexpr std::size_t kResultWindow = 64;

constexpr std::string_view kPartialSet =
    "guardrail coverage (PL423) was not judged: the SCPs were named one by one, so they may be only part of the "
    "organization's set; lint their directory, or name them in the configuration's \"policy-types\" so that the "
    "repository's whole set is judged";

}  // namespace

struct Workspace::Impl {
  Impl(LintOptions options, Config config)
      : linters(std::move(config), std::move(options)), run_linter(linters.options()) {}

  struct Entry {
    WorkspaceInput input;
    const Linter* linter = nullptr;
  };

  // The Linter for an input: its path's, with the input's own policy type.
  const Linter& linter_for(const WorkspaceInput& input) {
    const Linter& by_path = linters.for_file(std::filesystem::path(input.path.empty() ? input.name : input.path));
    if (!input.policy_type || by_path.options().policy_type == input.policy_type) {
      return by_path;
    }
    std::unique_ptr<Linter>& typed = typed_linters[{&by_path, *input.policy_type}];
    if (!typed) {
      LintOptions options = by_path.options();
      options.policy_type = input.policy_type;
      typed = std::make_unique<Linter>(std::move(options));
    }
    return *typed;
  }

  LinterSet linters;
  Linter run_linter;  ///< runs the set-level rules: the run's options, without per-path sections
  std::map<std::pair<const Linter*, PolicyType>, std::unique_ptr<Linter>> typed_linters;
  std::vector<Entry> entries;
  bool set_complete = false;
};

Workspace::Workspace(LintOptions options, Config config)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(config))) {}

Workspace::~Workspace() = default;

std::size_t Workspace::add(WorkspaceInput input) {
  if (input.name.empty()) {
    input.name = input.source == WorkspaceInput::Source::standard_input ? "-" : input.path;
  }
  const Linter& linter = impl_->linter_for(input);
  impl_->entries.push_back(Impl::Entry{std::move(input), &linter});
  return impl_->entries.size() - 1;
}

std::size_t Workspace::add_file(std::string path, std::string name, std::optional<PolicyType> type) {
  WorkspaceInput input;
  input.path = std::move(path);
  input.name = std::move(name);
  input.policy_type = type;
  return add(std::move(input));
}

std::size_t Workspace::add_buffer(std::string name, std::string bytes, std::optional<PolicyType> type) {
  WorkspaceInput input;
  input.source = WorkspaceInput::Source::buffer;
  input.name = std::move(name);
  input.bytes = std::move(bytes);
  input.policy_type = type;
  return add(std::move(input));
}

std::size_t Workspace::size() const noexcept { return impl_->entries.size(); }

void Workspace::mark_set_complete() noexcept { impl_->set_complete = true; }

const LintOptions& Workspace::options() const noexcept { return impl_->linters.options(); }

WorkspaceOutcome Workspace::run(unsigned threads, const std::function<void(InputResult&)>& use) {
  struct Slot {
    InputResult result;
    std::vector<engine::SetMember> set_members;
    unsigned maker = 0;  ///< the thread that read the input
  };
  const std::vector<Impl::Entry>& entries = impl_->entries;
  std::vector<Slot> slots(kResultWindow);
  threads = engine::threads_for(threads, entries.size(), kResultWindow);
  engine::ReturnToMaker<Slot> used_slots(threads);

  // The set the set-level rules judge, and the results waiting for them: from
  // the first reported document of the set on.
  std::vector<Document> set;
  bool set_has_picked = false;
  std::optional<std::size_t> anchor;  ///< in `set`: the document whose result takes the set's findings
  std::vector<InputResult> held;
  std::size_t anchor_result = 0;    ///< in `held`
  std::size_t anchor_document = 0;  ///< in that result's documents

  engine::run_in_order(
      entries.size(), threads, kResultWindow,
      [&](std::size_t i, unsigned thread) {
        used_slots.collect(thread);
        const Impl::Entry& entry = entries[i];
        Slot slot;
        slot.maker = thread;
        slot.result.index = i;
        if (engine::wanted(entry.input)) {
          engine::InputOutcome outcome = engine::read_and_lint(entry.input, *entry.linter);
          slot.result.results = std::move(outcome.results);
          slot.result.skipped = outcome.skipped;
          slot.result.error = std::move(outcome.error);
          slot.set_members = std::move(outcome.set_members);
        }
        slots[i % kResultWindow] = std::move(slot);
      },
      [&](std::size_t i) {
        Slot& slot = slots[i % kResultWindow];
        const WorkspaceInput& input = entries[i].input;
        for (engine::SetMember& member : slot.set_members) {
          set.push_back(std::move(member.document));
          set_has_picked = set_has_picked || input.picked;
          if (!anchor && member.result) {
            anchor = set.size() - 1;
            anchor_result = held.size();
            anchor_document = *member.result;
          }
        }
        if (!input.context_only || !slot.result.error.empty()) {
          if (anchor) {
            held.push_back(std::move(slot.result));
          } else {
            use(slot.result);
          }
        }
        used_slots.give_back(slot.maker, std::move(slot));
      });

  WorkspaceOutcome outcome;
  if (anchor && engine::any_rule_selected(impl_->run_linter, rules::RuleInput::policy_set)) {
    if (set_has_picked && !impl_->set_complete) {
      outcome.set_rules_skipped = kPartialSet;
    } else {
      std::vector<Finding>& findings = held[anchor_result].results.at(anchor_document).findings;
      for (Finding& finding : engine::run_set_rules(set, set[*anchor], impl_->run_linter)) {
        findings.push_back(std::move(finding));
      }
      std::stable_sort(findings.begin(), findings.end(), reported_before);
    }
  }
  for (InputResult& result : held) {
    use(result);
  }
  return outcome;
}

std::vector<LintResult> Workspace::lint_all(WorkspaceOutcome* outcome) {
  std::vector<LintResult> results;
  const WorkspaceOutcome done = run(1, [&](InputResult& input) {
    for (LintResult& result : input.results) {
      results.push_back(std::move(result));
    }
  });
  if (outcome != nullptr) {
    *outcome = done;
  }
  return results;
}

}  // namespace policylint
