#pragma once
// What a rule is: its identity and a check function that reports findings
// through the context of the input kind it looks at (a document, a policy, a
// credential report, a text's secrets, a set of policies). Rules see the
// typed model, never raw JSON.
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <variant>
#include <vector>

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

/// What a rule needs to run; the order of the kinds of RuleCheck.
enum class RuleInput : unsigned char {
  document,  ///< runs on every input, even one that is not valid JSON
  policy,    ///< runs only when a policy model was built
  credential_report,  ///< runs on IAM credential reports (lint_credential_report)
  text,               ///< runs on the secrets found in any text file (scan_secrets)
  policy_set,         ///< runs on several policies judged together (the workspace's set-level rules), never per document
};

/// What every rule may look at, and the place its findings go. A rule is
/// given the context of its input kind, derived from this one, so that it can
/// only ask for what its input has.
class RuleContext {
 public:
  RuleContext(const Document& document, const LintOptions& options, std::vector<Finding>& out)
      : document_(document), options_(options), out_(out) {}
  RuleContext(const RuleContext&) = delete;
  RuleContext& operator=(const RuleContext&) = delete;

  const Document& document() const noexcept { return document_; }
  const LintOptions& options() const noexcept { return options_; }

  /// Reports a finding of the running rule at `range`. `statement` is the
  /// statement it concerns, if any; `subject` the offending value, which
  /// identifies the finding across edits. The returned finding may be given
  /// related locations.
  Finding& report(SourceRange range, std::string message, const Statement* statement = nullptr,
                  std::string subject = {});

  /// Set by the engine before each rule runs.
  void set_rule(const RuleInfo& rule) noexcept { rule_ = &rule; }

 protected:
  ~RuleContext() = default;

 private:
  const Document& document_;
  const LintOptions& options_;
  std::vector<Finding>& out_;
  const RuleInfo* rule_ = nullptr;
};

/// A rule on any input (RuleInput::document): the document's text and the
/// parser's issues, with or without a model.
class DocumentContext : public RuleContext {
 public:
  DocumentContext(const Document& document, PolicyType type, const LintOptions& options, std::vector<Finding>& out)
      : RuleContext(document, options, out), type_(type) {}

  PolicyType policy_type() const noexcept { return type_; }

 private:
  PolicyType type_;
};

/// A rule on a policy model (RuleInput::policy). Also a DocumentContext, so
/// that one context runs both kinds over a parsed document.
class PolicyContext : public DocumentContext {
 public:
  /// `document` must hold a policy model.
  PolicyContext(const Document& document, PolicyType type, const LintOptions& options, std::vector<Finding>& out)
      : DocumentContext(document, type, options, out) {}

  const Policy& policy() const noexcept { return *document().policy; }

  /// What several rules derive from the policy (expanded actions, ARN fits),
  /// computed on first use and shared for the rest of the document.
  analysis::PolicyFacts& facts() const {
    if (!facts_) {
      facts_ = std::make_unique<analysis::PolicyFacts>();
    }
    return *facts_;
  }

  /// What the policy's Allow statements grant, less what its Denies take
  /// away; built on first use.
  const analysis::EffectiveAccess& effective_access() const {
    if (!effective_access_) {
      effective_access_ = std::make_unique<analysis::EffectiveAccess>(
          policy(), options().as_of.value_or(analysis::current_day()), facts());
    }
    return *effective_access_;
  }

 private:
  mutable std::unique_ptr<analysis::PolicyFacts> facts_;
  mutable std::unique_ptr<analysis::EffectiveAccess> effective_access_;
};

/// A rule on an IAM credential report (RuleInput::credential_report).
class CredentialReportContext : public RuleContext {
 public:
  CredentialReportContext(const Document& document, const hygiene::CredentialReportInput& input,
                          const LintOptions& options, std::vector<Finding>& out)
      : RuleContext(document, options, out), credential_report_(input) {}

  const hygiene::CredentialReportInput& credential_report() const noexcept { return credential_report_; }

 private:
  const hygiene::CredentialReportInput& credential_report_;
};

/// A rule on the secrets found in a text (RuleInput::text).
class TextContext : public RuleContext {
 public:
  TextContext(const Document& document, const hygiene::SecretScan& scan, const LintOptions& options,
              std::vector<Finding>& out)
      : RuleContext(document, options, out), secrets_(scan) {}

  const hygiene::SecretScan& secrets() const noexcept { return secrets_; }

 private:
  const hygiene::SecretScan& secrets_;
};

/// A rule on several policies judged together (RuleInput::policy_set). Its
/// document is the anchor, one of the set's documents with a policy model,
/// where the findings are placed.
class PolicySetContext : public RuleContext {
 public:
  PolicySetContext(std::span<const Document> set, const Document& anchor, const LintOptions& options,
                   std::vector<Finding>& out)
      : RuleContext(anchor, options, out), policy_set_(set) {}

  /// The anchor's model.
  const Policy& policy() const noexcept { return *document().policy; }
  std::span<const Document> policy_set() const noexcept { return policy_set_; }

 private:
  std::span<const Document> policy_set_;
};

/// A rule's check function, one kind per RuleInput, in the same order.
using RuleCheck = std::variant<void (*)(DocumentContext&), void (*)(PolicyContext&),
                               void (*)(CredentialReportContext&), void (*)(TextContext&),
                               void (*)(PolicySetContext&)>;
static_assert(std::variant_size_v<RuleCheck> == static_cast<std::size_t>(RuleInput::policy_set) + 1);

struct Rule {
  RuleInfo info;
  RuleCheck check;

  /// The input the rule looks at, which the type of its check function says.
  RuleInput input() const noexcept { return static_cast<RuleInput>(check.index()); }
};

/// Every registered rule, in code order.
std::span<const Rule* const> registry() noexcept;

}  // namespace policylint::rules
