#pragma once
// The values side of condition implication: whether every request value one
// entry accepts (its values under its operator, negation included) the other
// accepts too, per operator family: string and ARN sets and globs, numeric
// and date ranges, Bool, IP CIDR blocks, binary values.
#include <string>

#include "analysis/access_checks/condition_implication.hpp"

namespace policylint::analysis {

/// True when every single request value `inner` holds for, `outer` holds for.
/// Both have the same family (not Null) and readable operators.
Proof values_imply(const ConditionAtom& inner, const ConditionAtom& outer, std::string& reason);

}  // namespace policylint::analysis
