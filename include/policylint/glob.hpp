#pragma once
// IAM wildcard matching: `*` matches any run of characters (including none),
// `?` matches exactly one character, everything else matches itself. Used for
// Action patterns (case-insensitive) and ARNs and *Like values (case-sensitive).
#include <filesystem>
#include <string>
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

/// Whether `relative_path` (with `/` separators, relative to the directory the
/// glob is anchored at) is matched by `glob`. `*` and `?` are IAM-style
/// wildcards (`*` crosses `/`, so `**` works as expected). A glob without `/`
/// matches any single path component (`*.json`, `node_modules`); a glob with
/// `/` matches the whole path or one of its leading directories
/// (`legacy/*`, `policies/scp`).
POLICYLINT_API bool path_matches(std::string_view glob, std::string_view relative_path) noexcept;

/// `file` relative to `directory`, with `/` separators; both are made
/// absolute against the current directory first.
POLICYLINT_API std::string relative_path(const std::filesystem::path& file, const std::filesystem::path& directory);

}  // namespace policylint
