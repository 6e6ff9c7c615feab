#pragma once
// IAM wildcard matching: `*` matches any run of characters (including none),
// `?` matches exactly one character, everything else matches itself. Used for
// Action patterns (case-insensitive) and ARNs and *Like values (case-sensitive).
#include <string_view>

#include "policylint/export.hpp"

namespace policylint {

enum class CaseSensitivity { sensitive, insensitive };

/// True when the whole of `text` matches `pattern`. Case folding, when asked
/// for, is ASCII-only (IAM action names, service prefixes and condition key
/// names are ASCII). Runs in O(|pattern| * |text|) at worst and in linear time
/// for the usual patterns; there is no backtracking blow-up (`*a*a*a*b`
/// against a long run of `a` is linear).
POLICYLINT_API bool glob_match(std::string_view pattern, std::string_view text,
                CaseSensitivity case_sensitivity) noexcept;

/// True when `pattern` contains `*` or `?`.
POLICYLINT_API bool has_wildcard(std::string_view pattern) noexcept;

}  // namespace policylint
