#include <algorithm>

#include "text/text.hpp"
#include "rules/rule.hpp"
#include "rules/rule_docs.hpp"

namespace policylint::rules {

#define POLICYLINT_RULE(id) extern const Rule id;
#include "rules/rule_list.inc"
#undef POLICYLINT_RULE

namespace {

constexpr const Rule* kRules[] = {
#define POLICYLINT_RULE(id) &id,
#include "rules/rule_list.inc"
#undef POLICYLINT_RULE
};

}  // namespace

std::span<const Rule* const> registry() noexcept { return kRules; }

Finding& RuleContext::report(SourceRange range, std::string message, const Statement* statement, std::string subject) {
  Finding& finding = out_.emplace_back();
  finding.code = rule_->code;
  finding.name = rule_->name;
  finding.severity = rule_->severity;
  finding.category = rule_->category;
  finding.message = std::move(message);
  finding.file = document_.name;
  finding.range = range;
  if (statement != nullptr) {
    finding.statement_index = statement->index;
    finding.sid = std::string(statement->sid_text());
  }
  finding.subject = std::move(subject);
  return finding;
}

}  // namespace policylint::rules

namespace policylint {

std::vector<const RuleInfo*> all_rules() {
  std::vector<const RuleInfo*> out;
  for (const rules::Rule* rule : rules::registry()) {
    out.push_back(&rule->info);
  }
  return out;
}

const RuleInfo* find_rule(std::string_view code_or_name) noexcept {
  for (const rules::Rule* rule : rules::registry()) {
    if (equal_ignoring_case(rule->info.code, code_or_name) || equal_ignoring_case(rule->info.name, code_or_name)) {
      return &rule->info;
    }
  }
  return nullptr;
}

std::string_view rule_documentation(std::string_view code) noexcept {
  const auto docs = rules::rule_docs();
  const auto found = std::find_if(docs.begin(), docs.end(), [&](const rules::RuleDoc& doc) {
    return equal_ignoring_case(doc.code, code);
  });
  return found == docs.end() ? std::string_view() : found->text;
}

}  // namespace policylint
