#pragma once
// `policylint --init`: writes a starting .policylint.json in the current
// directory, with policy-types guessed from the names of the repository's
// folders and files.
namespace policylint::cli {

/// Writes ./.policylint.json unless it exists, saying what it guessed;
/// returns the exit code.
int write_initial_config();

}  // namespace policylint::cli
