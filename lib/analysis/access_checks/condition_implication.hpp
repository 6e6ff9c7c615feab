#pragma once
// Whether one statement's conditions imply another's: every request context
// that satisfies the inner conjunction also satisfies each outer entry. The
// no-new-access check asks it of NEW's Allow against OLD's (NEW may not ask
// less) and of OLD's Deny against NEW's (NEW may not deny less). Proofs follow
// the request evaluator's semantics entry by entry: absent keys, IfExists,
// ForAllValues/ForAnyValue, Null, and each operator family's values.
#include <string>
#include <vector>

#include "analysis/condition_operator.hpp"
#include "policylint/policy.hpp"

namespace policylint::analysis {

/// One condition entry: an operator, a key and its values.
struct ConditionAtom {
  std::optional<ConditionOperator> op;  ///< nothing for an unknown or malformed operator block
  std::string key;                      ///< lower case
  const ConditionBlock* block = nullptr;
  const ConditionEntry* entry = nullptr;
  bool variables = false;  ///< a value holds a policy variable the policy substitutes
};

/// The entries of a Condition element, in source order.
std::vector<ConditionAtom> condition_atoms(const ConditionElement& condition, bool substitutes_variables);

enum class Proof : unsigned char {
  proved,   ///< implied
  refuted,  ///< some request satisfies the inner entries and not the outer
  unknown,  ///< not decided: cannot prove
};

struct Implication {
  Proof proof = Proof::proved;
  /// The first outer entry not proved, and why: the inner side has no entry
  /// on its key (`missing`), or one that does not imply it.
  const ConditionAtom* unproved = nullptr;
  bool missing = false;
  std::string reason;
};

/// Whether `inner` (a conjunction) implies every entry of `outer`. Inner
/// entries that cannot be read are dropped (fewer conditions only allow
/// more), outer ones are never proved. Entries with policy variables are
/// proved only by the same entry: `same_variables` says both policies
/// substitute variables alike.
Implication conditions_imply(const std::vector<ConditionAtom>& inner, const std::vector<ConditionAtom>& outer,
                             bool same_variables);

/// "aws:SourceVpc = vpc-1a2b", "aws:SourceIp IpAddress 10.0.0.0/8 or 192.0.2.0/24".
std::string describe_atom(const ConditionAtom& atom);
/// The conjunction in words, "always" when empty.
std::string describe_conditions(const std::vector<ConditionAtom>& atoms);

}  // namespace policylint::analysis
