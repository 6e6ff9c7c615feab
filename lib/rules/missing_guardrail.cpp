#include "analysis/guardrails.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

// The finding is placed in the context's document; the set's other SCPs
// are its related locations, so that one finding names the whole set.
void check(PolicySetContext& context) {
  std::vector<const Policy*> scps;
  std::vector<RelatedLocation> others;
  std::string names;
  for (const Document& document : context.policy_set()) {
    if (document.policy) {
      scps.push_back(&*document.policy);
      names += (names.empty() ? "" : ", ") + document.name;
      if (&document != &context.document()) {
        const SourcePosition start = document.policy->range.begin;
        others.push_back(RelatedLocation{SourceRange{start, start}, "an SCP of the set", document.name});
      }
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
    finding.related = others;
  }
}

}  // namespace

extern const Rule missing_guardrail{
    {"PL423", "missing-guardrail", Severity::warning, Category::defense_evasion,
     "No SCP of the set enforces a recommended organization guardrail"},
    check,
};

}  // namespace policylint::rules
