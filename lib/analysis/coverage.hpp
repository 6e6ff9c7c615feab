#pragma once
// Whether one Action or Resource entry already covers another: everything the
// specific one matches, the general one matches too. Used to find redundant
// entries and statements.
#include <string_view>

#include "analysis/policy_facts.hpp"
#include "policylint/policy.hpp"

namespace policylint::analysis {

/// True when every action `specific` matches is matched by `general`
/// ("s3:*" covers "s3:Get*"). Entries naming no catalog action cover nothing
/// and are covered only by an entry spelled the same (ignoring case).
bool action_entry_covers(PolicyFacts& facts, const Value& general, const Value& specific);

/// True when every ARN `specific` matches is matched by `general`
/// ("arn:aws:s3:::b/*" covers "arn:aws:s3:::b/logs/*"). Exact when `general`
/// uses only `*`; entries with policy variables cover only their own spelling.
bool resource_entry_covers(std::string_view general, std::string_view specific) noexcept;

}  // namespace policylint::analysis
