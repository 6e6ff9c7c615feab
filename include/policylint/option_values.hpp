#pragma once
// Reading option values given as text. The command line, the configuration
// file and the C API all read policy types, severities, rule selectors and
// dates here, so each value means the same everywhere and is refused with the
// same message, with a "did you mean" suggestion for a near miss.
#include "policylint/export.hpp"
#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "policylint/finding.hpp"
#include "policylint/policy_type.hpp"

namespace policylint {

/// A policy type name ("scp"); nullopt with the reason in `error`.
POLICYLINT_API std::optional<PolicyType> read_policy_type(std::string_view text, std::string& error);

/// A severity name ("warning"); nullopt with the reason in `error`.
POLICYLINT_API std::optional<Severity> read_severity(std::string_view text, std::string& error);

/// True when `selector` (a rule code, name, code prefix or category) names at
/// least one rule; false with the reason in `error`.
POLICYLINT_API bool check_rule_selector(std::string_view selector, std::string& error);

/// "; did you mean 'NAME'?" for the name of `names` closest to `wrong` when
/// it is a plausible typo, else empty: the same suggestion every refused name
/// gets, for callers with their own names (a CLI's options and subcommands).
POLICYLINT_API std::string suggest_name(std::string_view wrong, std::span<const std::string_view> names);

/// A day as `YYYY-MM-DD`; nullopt with the reason in `error`.
POLICYLINT_API std::optional<std::chrono::sys_days> read_date(std::string_view text, std::string& error);

}  // namespace policylint
