#pragma once
// Turning the PATH arguments into the list of files to scan.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "policylint/config.hpp"

namespace policylint::cli {

/// How a file came to be scanned.
enum class Origin {
  named,    ///< named on the command line (or standard input)
  walked,   ///< found in a directory named on the command line
  globbed,  ///< matched by a glob on the command line
};

/// One file to scan.
struct InputFile {
  /// Where to read it; empty for standard input. A string, not a
  /// std::filesystem::path, which would keep a list of its components: a
  /// walk holds one of these per file.
  std::string path;
  std::string display;         ///< the name in reports (relative paths stay relative)
  Origin origin = Origin::named;
};

/// Which files a walk lints, from --include/--exclude and the configuration.
struct PathFilter {
  std::vector<std::string> include;  ///< command line, relative to the current directory
  std::vector<std::string> exclude;  ///< command line, relative to the current directory
  const Config* config = nullptr;    ///< its include/exclude are relative to its directory
  bool default_excludes = true;      ///< pass over vendored directories (--no-default-excludes)

  /// Excluded by a command-line or configuration glob.
  bool excluded(const InputFile& file) const;
  /// Matched by the include globs (by default *.json).
  bool included(const InputFile& file) const;
};

struct WalkResult {
  std::vector<InputFile> files;  ///< in argument order; each walk sorted by path
  bool failed = false;           ///< a path did not exist or could not be listed (already reported)
  /// Symbolic links a walk found to files outside the directory walked, and
  /// did not follow (each already named on standard error).
  std::size_t links_skipped = 0;
};

/// Expands the arguments: files as they are, directories walked (git-aware),
/// globs matched, "-" for standard input (named `stdin_filename`). A walk
/// reads a repository's file list from git, enters its submodules and nested
/// repositories, and does not follow links out of the directory walked. Walked and
/// globbed files that `filter` excludes are left out, named files only when
/// `force_exclude`. Walked files are not yet filtered by the include globs:
/// which files a scanner wants is the scanner's business.
WalkResult collect_inputs(const std::vector<std::string>& arguments, const PathFilter& filter, bool force_exclude,
                          const std::string& stdin_filename);

}  // namespace policylint::cli
