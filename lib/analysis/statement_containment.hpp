#pragma once
// Statement containment: whether one statement of a policy applies to every
// request another applies to, with the same effect, so that the other adds
// nothing (redundant-statement). Kept apart from the rule so that it can be
// tested on its own and used by other analyses.
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "analysis/policy_facts.hpp"
#include "policylint/policy.hpp"

namespace policylint::analysis {

/// True when `outer` applies to every request `inner` applies to, with the
/// same effect: the same principals, the same conditions (or none in
/// `outer`), and each of `inner`'s Action and Resource entries covered by
/// one of `outer`'s. False when either cannot be compared (see below).
bool statement_contains(PolicyFacts& facts, const Statement& outer, const Statement& inner);

/// For each statement, the index of the statement that makes it redundant:
/// the first other statement that contains it (same effect, principals and
/// conditions, every Action and Resource entry covered), skipping one it
/// contains in turn when that one comes later (of two statements containing
/// each other, only the later one is redundant). Empty for a statement no
/// other contains, or one that cannot be compared (no definite effect,
/// NotAction or NotResource, entries that are not strings, a malformed
/// Condition). The same as testing statement_contains() on every pair in
/// order, found through indices of the statements' scopes and entries.
std::vector<std::optional<std::size_t>> containing_statements(PolicyFacts& facts,
                                                              std::span<const Statement> statements);

}  // namespace policylint::analysis
