#pragma once
// Error messages quote what policylint was given: paths a walk found,
// configuration values, baseline contents, all chosen by whoever wrote the
// repository. Standard error is filtered once, for every message.
namespace policylint::cli {

/// Replaces stderr by a stream that writes each line as policylint::printable
/// shows it (credentials masked, control characters as escapes), and that
/// cannot begin a line with "::" (a GitHub Actions workflow command).
void filter_standard_error();

}  // namespace policylint::cli
