#pragma once
// Reading one file a subcommand names (a policy, a batch), or standard
// input for "-", as every input is read: regular files only, bounded.
#include <cstddef>
#include <optional>
#include <string>

namespace policylint::cli {

/// The bytes of `path` ("-": standard input), at most `limit` of them; on
/// failure says why on stderr ("policylint: PATH: cannot be read: ...") and
/// gives nothing.
std::optional<std::string> read_named_input(const std::string& path, std::size_t limit);

}  // namespace policylint::cli
