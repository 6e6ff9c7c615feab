#include "directory_walk.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <cerrno>
#include <memory>

namespace policylint::cli {
namespace {

enum class EntryKind { file, link_to_file, directory, other };

/// What a directory entry is; the type readdir reports spares a stat call
/// for nearly every entry.
EntryKind kind_of(const dirent& entry, const std::string& path) {
  switch (entry.d_type) {
    case DT_REG:
      return EntryKind::file;
    case DT_DIR:
      return EntryKind::directory;
    case DT_LNK: {
      // A link counts as a file when it leads to one; linked directories
      // are not entered, so that a walk cannot loop.
      struct stat target {};
      return stat(path.c_str(), &target) == 0 && S_ISREG(target.st_mode) ? EntryKind::link_to_file : EntryKind::other;
    }
    case DT_UNKNOWN: {  // file systems that do not report types
      struct stat own {};
      if (lstat(path.c_str(), &own) != 0) return EntryKind::other;
      if (S_ISLNK(own.st_mode)) {
        struct stat target {};
        return stat(path.c_str(), &target) == 0 && S_ISREG(target.st_mode) ? EntryKind::link_to_file : EntryKind::other;
      }
      if (S_ISDIR(own.st_mode)) return EntryKind::directory;
      return S_ISREG(own.st_mode) ? EntryKind::file : EntryKind::other;
    }
    default:
      return EntryKind::other;
  }
}

std::string joined(const std::string& directory, std::string_view name) {
  std::string path;
  path.reserve(directory.size() + 1 + name.size());
  path.append(directory);
  if (!path.empty() && path.back() != '/') {
    path.push_back('/');
  }
  path.append(name);
  return path;
}

struct DirCloser {
  void operator()(DIR* directory) const noexcept { closedir(directory); }
};

}  // namespace

void walk_directory(const std::string& directory_path, const DirectoryVisitor& visitor) {
  const std::unique_ptr<DIR, DirCloser> directory(opendir(directory_path.c_str()));
  if (!directory) {
    if (errno != ENOENT) {  // else removed while the walk runs
      visitor.error(directory_path, std::error_code(errno, std::generic_category()));
    }
    return;
  }
  while (true) {
    errno = 0;
    const dirent* entry = readdir(directory.get());
    if (entry == nullptr) {
      if (errno != 0) {
        visitor.error(directory_path, std::error_code(errno, std::generic_category()));
      }
      return;
    }
    const std::string_view name = entry->d_name;
    if (name == "." || name == "..") {
      continue;
    }
    std::string path = joined(directory_path, name);
    switch (kind_of(*entry, path)) {
      case EntryKind::file:
        visitor.file(std::move(path), false);
        break;
      case EntryKind::link_to_file:
        visitor.file(std::move(path), true);
        break;
      case EntryKind::directory:
        if (visitor.enter(path, name)) {
          walk_directory(path, visitor);
        }
        break;
      case EntryKind::other:
        break;
    }
  }
}

}  // namespace policylint::cli
