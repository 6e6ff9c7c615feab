#pragma once
// What a rule is: its identity, the input it looks at, and a check function
// that reports findings through a RuleContext. Rules see the typed model,
// never raw JSON.
#include <memory>
#include <string>

#include "analysis/effective_access.hpp"
#include "analysis/policy_facts.hpp"
#include "policylint/document.hpp"
#include "policylint/finding.hpp"
#include "policylint/options.hpp"
#include "policylint/policy.hpp"
#include "policylint/rules.hpp"

namespace policylint::hygiene {
struct CredentialReportInput;
struct SecretScan;
}  // namespace policylint::hygiene

namespace policylint::rules {

/// What a rule needs to run.
enum class RuleInput : unsigned char {
  document,  ///< runs on every input, even one that is not valid JSON
  policy,    ///< runs only when a policy model was built
  credential_report,  ///< runs on IAM credential reports (lint_credential_report)
  text,               ///< runs on the secrets found in any text file (scan_secrets)
  policy_set,         ///< runs on several policies judged together (the workspace's set-level rules), never per document
};

class RuleContext;

struct Rule {
  RuleInfo info;
  RuleInput input;
  void (*check)(RuleContext& context);
};

/// Everything a rule may look at, and the place its findings go.
class RuleContext {
 public:
  RuleContext(const Document& document, PolicyType type, const LintOptions& options, std::vector<Finding>& out)
      : document_(document), type_(type), options_(options), out_(out) {}

  const Document& document() const noexcept { return document_; }
  /// The model; only valid in rules whose input is RuleInput::policy.
  const Policy& policy() const noexcept { return *document_.policy; }
  PolicyType policy_type() const noexcept { return type_; }
  const LintOptions& options() const noexcept { return options_; }

  /// Reports a finding of the running rule at `range`. `statement` is the
  /// statement it concerns, if any; `subject` the offending value, which
  /// identifies the finding across edits. The returned finding may be given
  /// related locations.
  Finding& report(SourceRange range, std::string message, const Statement* statement = nullptr,
                  std::string subject = {});

  /// The credential report; only valid in rules whose input is
  /// RuleInput::credential_report.
  const hygiene::CredentialReportInput& credential_report() const noexcept { return *credential_report_; }
  /// The secrets found in a text; only valid in rules whose input is RuleInput::text.
  const hygiene::SecretScan& secrets() const noexcept { return *secrets_; }
  void set_credential_report(const hygiene::CredentialReportInput* input) noexcept { credential_report_ = input; }
  /// The documents judged together; only valid in rules whose input is RuleInput::policy_set.
  std::span<const Document> policy_set() const noexcept { return policy_set_; }
  void set_policy_set(std::span<const Document> documents) noexcept { policy_set_ = documents; }
  void set_secrets(const hygiene::SecretScan* scan) noexcept { secrets_ = scan; }

  /// Set by the engine before each rule runs.
  void set_rule(const RuleInfo& rule) noexcept { rule_ = &rule; }

  /// What several rules derive from the policy (expanded actions, ARN fits),
  /// computed on first use and shared for the rest of the document.
  analysis::PolicyFacts& facts() const {
    if (!facts_) {
      facts_ = std::make_unique<analysis::PolicyFacts>();
    }
    return *facts_;
  }

  /// What the policy's Allow statements grant, less what its Denies take
  /// away; built on first use. Only valid in rules whose input is
  /// RuleInput::policy.
  const analysis::EffectiveAccess& effective_access() const {
    if (!effective_access_) {
      effective_access_ =
          std::make_unique<analysis::EffectiveAccess>(policy(), options_.as_of.value_or(analysis::current_day()), facts());
    }
    return *effective_access_;
  }

 private:
  const Document& document_;
  PolicyType type_;
  const LintOptions& options_;
  std::vector<Finding>& out_;
  const RuleInfo* rule_ = nullptr;
  const hygiene::CredentialReportInput* credential_report_ = nullptr;
  const hygiene::SecretScan* secrets_ = nullptr;
  std::span<const Document> policy_set_;
  mutable std::unique_ptr<analysis::PolicyFacts> facts_;
  mutable std::unique_ptr<analysis::EffectiveAccess> effective_access_;
};

/// Every registered rule, in code order.
std::span<const Rule* const> registry() noexcept;

}  // namespace policylint::rules
