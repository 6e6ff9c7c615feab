#include "analysis/guardrails.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(RuleContext& context) {
  std::vector<const Policy*> scps;
  std::string names;
  for (const Document& document : context.policy_set()) {
    if (document.policy) {
      scps.push_back(&*document.policy);
      names += (names.empty() ? "" : ", ") + document.name;
    }
  }
  const std::string which = scps.size() == 1 ? "the SCP " + names + " does not enforce it"
                                             : "none of the " + std::to_string(scps.size()) + " SCPs (" + names +
                                                   ") enforces it";
  for (const analysis::Guardrail* guardrail : analysis::missing_guardrails(scps)) {
    Finding& finding = context.report(
        SourceRange{context.policy().range.begin, context.policy().range.begin},
        "guardrail " + std::string(guardrail->id) + " (" + std::string(guardrail->title) + ") is missing: " + which +
            "; add this statement to an SCP attached at the root or the OUs it must cover: " +
            std::string(guardrail->statement),
        nullptr, std::string(guardrail->id));
    finding.severity = guardrail->severity;
  }
}

}  // namespace

extern const Rule missing_guardrail{
    {"PL423", "missing-guardrail", Severity::warning, Category::defense_evasion,
     "No SCP of the set enforces a recommended organization guardrail"},
    RuleInput::policy_set,
    check,
};

}  // namespace policylint::rules
