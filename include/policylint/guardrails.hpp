#pragma once
// Organization guardrail coverage: which recommended SCP guardrails (deny
// root-user actions, keep CloudTrail and AWS Config on, stay in the
// organization ...) none of a set of SCPs enforces. A guardrail may live in
// any SCP of the set, so coverage is judged over all of them together.
#include "policylint/export.hpp"
#include <span>
#include <vector>

#include "policylint/document.hpp"
#include "policylint/finding.hpp"
#include "policylint/linter.hpp"

namespace policylint {

/// One finding (rule PL423 missing-guardrail) per recommended guardrail that
/// none of `scps` enforces, each naming the guardrail and giving a statement
/// ready to paste. The findings are placed at the start of the first document
/// with a policy model. Documents without one are passed over; nothing is
/// reported when none has one or when `linter` does not enable the rule.
/// Severity overrides of `linter` apply.
POLICYLINT_API std::vector<Finding> check_guardrails(std::span<const Document> scps, const Linter& linter);

}  // namespace policylint
