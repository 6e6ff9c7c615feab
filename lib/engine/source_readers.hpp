#pragma once
// Scanning one input file. Every scanner that wants a file runs on it; the
// table of scanners in file_scan.cpp is the one place to add another (such
// as a secrets scanner for non-policy files).
#include <optional>
#include <string>

#include "input_walk.hpp"
#include "policylint/linter.hpp"

namespace policylint::cli {

/// What scanning one file produced.
struct FileReport {
  std::optional<LintResult> result;  ///< absent when no scanner reported on the file
  bool skipped = false;              ///< passed over: JSON that is not a policy document
  std::string error;                 ///< set when the file could not be read
};

struct ScanSettings {
  const PathFilter* filter = nullptr;
  bool policies_only = false;  ///< pass over named files that are not policies, as a walk does
  bool secrets = true;         ///< look for AWS keys in every file (--no-secrets turns it off)
};

/// Whether any scanner wants the file, judged by its name before reading it.
bool wanted(const InputFile& file, const ScanSettings& settings);

/// Reads the file (standard input when `file.path` is empty) and runs the
/// scanners that want it. Safe to call from many threads at once.
FileReport scan_file(const InputFile& file, const Linter& linter, const ScanSettings& settings);

}  // namespace policylint::cli
