#pragma once
// Whether one statement's Resource and Principal reach every request another's
// do (cover), and whether two Resource patterns can name the same resource
// (overlap), following the request evaluator's matching: ARN fields compared
// one by one, the first four ignoring case, policy variables as unknowns.
#include <string_view>
#include <vector>

#include "policylint/policy.hpp"

namespace policylint::analysis {

/// A statement's policy with whether it substitutes policy variables.
struct PolicyContext {
  const Policy* policy = nullptr;
  bool substitutes = false;
};

/// One Resource entry, or a whole NotResource (`excluded`), or every
/// resource when the statement has neither element.
struct ResourceScope {
  std::string_view pattern;             ///< "*" for every resource
  const ValueList* excluded = nullptr;  ///< the NotResource, when it is one
};

std::vector<ResourceScope> resource_scopes(const Statement& statement);

/// "arn:aws:s3:::logs/*", or "every resource but arn:..., arn:...".
std::string describe_scope(const ResourceScope& scope);

/// True when every resource `inner` (of a policy substituting variables as
/// `inner_vars` says) matches, `outer` matches. An `outer` with a variable
/// covers only the same text in a policy that substitutes alike; variables
/// in `inner` stand for any text.
bool resource_pattern_covers(std::string_view outer, bool outer_vars, std::string_view inner, bool inner_vars);

/// True when some resource may match both patterns (false only when proved).
bool resources_may_overlap(std::string_view a, bool a_vars, std::string_view b, bool b_vars);

/// True when the statement's Resource or NotResource matches every resource of `scope`.
bool statement_resource_covers(const Statement& outer, bool outer_vars, const ResourceScope& scope, bool scope_vars);

/// True when the statement's Resource or NotResource may match some resource of `scope`.
bool statement_resource_may_overlap(const Statement& statement, bool statement_vars, const ResourceScope& scope,
                                    bool scope_vars);

/// True when `outer`'s Principal names every caller `inner`'s does (statements
/// without one, as in identity policies, name every caller).
bool principal_covers(const Statement& outer, const Statement& inner);

}  // namespace policylint::analysis
