#pragma once
// Listing the files under a directory with the POSIX calls, for the CLI's
// walk: a pre-commit run lints a repository in a few tens of milliseconds,
// and std::filesystem::recursive_directory_iterator built a path object and
// asked for a status per entry, a millisecond and more per thousand files
// before any of them was linted.
#include <functional>
#include <string>
#include <string_view>
#include <system_error>

namespace policylint::cli {

struct DirectoryVisitor {
  /// Asked before a subdirectory is walked (`path` as for files, `name` its
  /// last component); false leaves it out.
  std::function<bool(const std::string& path, std::string_view name)> enter;
  /// Called for each regular file, and each symbolic link to one (`link`).
  std::function<void(std::string path, bool link)> file;
  /// Called for each directory that cannot be listed (`path` as for files,
  /// or `root`); the walk goes on with the others.
  std::function<void(const std::string& path, std::error_code error)> error;
};

/// Walks the tree under `root`, in no particular order. Paths are `root`
/// joined with the names below it by '/'. Symbolic links to directories are
/// not followed; entries that are neither files nor directories (FIFOs,
/// devices, sockets), broken links and directories removed during the walk
/// are passed over.
void walk_directory(const std::string& root, const DirectoryVisitor& visitor);

}  // namespace policylint::cli
