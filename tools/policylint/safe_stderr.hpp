#pragma once
// Error messages quote what policylint was given: paths a walk found,
// configuration values, baseline contents, all chosen by whoever wrote the
// repository. Standard error is filtered once, for every message.
#include <cstdio>

namespace policylint::cli {

/// Replaces stderr by a stream that writes each message (each write: stderr
/// is unbuffered, so each fprintf is one) on one line, as
/// policylint::printable shows it: credentials masked, control characters,
/// line breaks inside it included, as escapes. A line never begins with "::"
/// (a GitHub Actions workflow command). Write each line of a message with a
/// call of its own.
void filter_standard_error();

/// The standard error stream before filtering, for policylint's own control
/// sequences (the progress line) and constant texts of several lines.
std::FILE* raw_standard_error() noexcept;

}  // namespace policylint::cli
