#include "input_walk.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <memory>
#include <system_error>

#include "directory_walk.hpp"
#include "git_files.hpp"
#include "policylint/input_file.hpp"
#include "policylint/glob.hpp"

namespace policylint::cli {
namespace {

// Directories a walk outside git never enters: vendored, generated or tool
// state, which is not the user's policy source.
constexpr std::array<std::string_view, 6> kSkippedDirectories = {".git",  "node_modules", "vendor",
                                                                 ".terraform", "build", "dist"};

bool skipped_directory(std::string_view name) {
  return (!name.empty() && name.front() == '.' && name != "." && name != "..") ||
         std::find(kSkippedDirectories.begin(), kSkippedDirectories.end(), name) != kSkippedDirectories.end();
}

// Directories of other people's code, generated output or tool state, passed
// over in every walk, even when git tracks them: a repository that commits
// node_modules must not get its packages' policy fixtures linted.
constexpr std::array<std::string_view, 11> kVendoredDirectories = {
    ".git",    "node_modules", "vendor", ".terraform", ".terragrunt-cache", ".venv", "venv", "__pycache__",
    ".tox", "bower_components", ".aws-sam"};

// Whether a directory of `relative` (a path below the walked directory) is
// vendored; with `last_is_directory` the last component counts too.
// cdk.out/asset.* are the CDK's copies of bundled assets (its templates in
// cdk.out are the user's and stay linted).
bool in_vendored_directory(std::string_view relative, bool last_is_directory) {
  std::string_view parent;
  for (std::size_t start = 0; start < relative.size();) {
    const std::size_t end = std::min(relative.find('/', start), relative.size());
    if (end == relative.size() && !last_is_directory) return false;
    const std::string_view name = relative.substr(start, end - start);
    if (std::find(kVendoredDirectories.begin(), kVendoredDirectories.end(), name) != kVendoredDirectories.end() ||
        (parent == "cdk.out" && name.starts_with("asset."))) {
      return true;
    }
    parent = name;
    start = end + 1;
  }
  return false;
}

// True when lexically_normal() would return `path` unchanged: no empty or
// "." component, and ".." only in front of a relative path. Walked paths
// almost always are, and normalising takes the walk most of its time.
bool already_normal(std::string_view path) {
  if (path.empty() || path.front() == '/') {
    return false;  // rare for walked files: leave absolute paths to lexically_normal
  }
  bool leading = true;  // still among the leading ".." components
  for (std::size_t start = 0; start <= path.size();) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    const std::string_view component = path.substr(start, end - start);
    if (component.empty() || component == "." || (component == ".." && !leading)) {
      return false;
    }
    leading = leading && component == "..";
    start = end + 1;
  }
  return !leading;  // a path of ".." alone has its own normal form
}

// How a path is shown: relative stays relative, without "./" in front.
std::string display_name(const std::string& path) {
  if (already_normal(path)) {
    return path;
  }
  std::string name = std::filesystem::path(path).lexically_normal().generic_string();
  return name.empty() ? "." : name;
}

InputFile walked_file(std::string path) {
  std::string display = display_name(path);
  return InputFile{std::move(path), std::move(display), Origin::walked};
}

bool any_glob_matches(const std::vector<std::string>& globs, const std::string& path) {
  return std::any_of(globs.begin(), globs.end(), [&](const std::string& glob) { return path_matches(glob, path); });
}

// The real path of `path`, every link resolved; empty when it cannot be resolved.
std::string real_path(const std::string& path) {
  const std::unique_ptr<char, decltype(&std::free)> resolved(::realpath(path.c_str(), nullptr), &std::free);
  return resolved ? std::string(resolved.get()) : std::string();
}

class Walker {
 public:
  Walker(const PathFilter& filter, WalkResult& result) : filter_(filter), result_(result) {}

  // Every file under `root` that is not excluded, sorted by path.
  std::vector<InputFile> walk(const std::filesystem::path& root) {
    std::vector<InputFile> files;
    boundary_ = real_path(root.string());
    root_ = root.string();
    walk_into(root, files);
    return sorted(std::move(files));
  }

 private:
  void walk_into(const std::filesystem::path& root, std::vector<InputFile>& files) {
    if (const auto work_tree = enclosing_work_tree(root)) {
      if (const auto listed = git_listed_files(root)) {
        for (const std::string& relative : *listed) {
          add_listed(root, relative, files);
        }
        return;
      }
      if (owned_by_another_user(*work_tree)) {
        std::fprintf(stderr,
                     "policylint: %s: git does not read a repository that another user owns (see git's "
                     "safe.directory); walking the directory without git\n",
                     display_name(work_tree->string()).c_str());
      }
    }
    const DirectoryVisitor visitor{
        [&](const std::string& path, std::string_view name) {
          const bool skipped = filter_.default_excludes
                                   ? skipped_directory(name) || in_vendored_directory(below_root(path), true)
                                   : name == ".git";
          return !skipped && !filter_.excluded(walked_file(path));
        },
        [&](std::string path, bool link) {
          InputFile file = walked_file(std::move(path));
          if (!filter_.excluded(file) && (!link || inside_boundary(file))) {
            files.push_back(std::move(file));
          }
        },
        [&](const std::string& path, std::error_code error) {
          std::fprintf(stderr, "policylint: %s: cannot be read: %s\n", display_name(path).c_str(),
                       error_reason(error.value()).c_str());
          result_.failed = true;
        },
    };
    walk_directory(root.string(), visitor);
  }

  // One path git lists: a file, a link, or the directory of a submodule or
  // of a repository nested in the work tree, which git lists as one entry.
  void add_listed(const std::filesystem::path& root, const std::string& relative, std::vector<InputFile>& files) {
    if (filter_.default_excludes && in_vendored_directory(relative, false)) {
      return;
    }
    InputFile file = walked_file((root / relative).string());
    struct stat status {};
    if (::lstat(file.path.c_str(), &status) != 0 || filter_.excluded(file)) {
      return;  // tracked but deleted in the work tree, or excluded
    }
    // git lists paths inside the directory, unless a configuration moves the
    // work tree (core.worktree): a path with ".." is checked like a link.
    if (S_ISREG(status.st_mode) && relative.find("..") == std::string::npos) {
      files.push_back(std::move(file));
    } else if (S_ISREG(status.st_mode) || S_ISLNK(status.st_mode)) {
      struct stat target {};
      if (::stat(file.path.c_str(), &target) == 0 && S_ISREG(target.st_mode) && inside_boundary(file)) {
        files.push_back(std::move(file));
      }
    } else if (S_ISDIR(status.st_mode) && std::filesystem::exists(std::filesystem::path(file.path) / ".git")) {
      walk_into(file.path, files);
    }
  }

  // Whether a link (or a path git gave with "..") leads to a file inside the
  // directory walked; one that leaves it is named and counted, not read.
  bool inside_boundary(const InputFile& file) {
    const std::string target = real_path(file.path);
    const bool inside = !boundary_.empty() && !target.empty() &&
                        (boundary_ == "/" || (target.starts_with(boundary_) && target.size() > boundary_.size() &&
                                              target[boundary_.size()] == '/'));
    if (!inside) {
      std::fprintf(stderr, "policylint: %s: not followed: a link to a file outside the directory walked\n",
                   file.display.c_str());
      ++result_.links_skipped;
    }
    return inside;
  }

  static std::vector<InputFile> sorted(std::vector<InputFile> files) {
    std::sort(files.begin(), files.end(), [](const InputFile& a, const InputFile& b) { return a.display < b.display; });
    // git lists a file once per stage while a merge conflict is unresolved.
    files.erase(std::unique(files.begin(), files.end(),
                            [](const InputFile& a, const InputFile& b) { return a.display == b.display; }),
                files.end());
    return files;
  }

  // `path` (a path the directory walk gives) relative to the walked directory.
  std::string_view below_root(std::string_view path) const {
    if (path.starts_with(root_) && path.size() > root_.size()) {
      path.remove_prefix(root_.size());
      while (path.starts_with('/')) path.remove_prefix(1);
    }
    return path;
  }

  const PathFilter& filter_;
  WalkResult& result_;
  std::string boundary_;  ///< the real path of the directory walked
  std::string root_;      ///< the directory walked, as given
};

// The directory a glob's matches are under: its components before the first
// one with a wildcard.
std::filesystem::path glob_base(const std::string& glob) {
  std::filesystem::path base;
  for (const auto& component : std::filesystem::path(glob).parent_path()) {
    if (has_wildcard(component.string())) {
      break;
    }
    base /= component;
  }
  return base.empty() ? std::filesystem::path(".") : base;
}

}  // namespace

bool PathFilter::excluded(const InputFile& file) const {
  if (any_glob_matches(exclude, file.display)) {
    return true;
  }
  return config != nullptr && !config->exclude.empty() &&
         any_glob_matches(config->exclude, relative_path(file.path, config->directory));
}

bool PathFilter::included(const InputFile& file) const {
  if (!include.empty()) {
    return any_glob_matches(include, file.display);
  }
  if (config != nullptr && !config->include.empty()) {
    return any_glob_matches(config->include, relative_path(file.path, config->directory));
  }
  // Policies, and the CloudFormation and SAM templates that hold them
  // (recognised by content; other YAML is counted as skipped).
  const std::string& name = file.display;
  return name.ends_with(".json") || name.ends_with(".yaml") || name.ends_with(".yml") || name.ends_with(".template");
}

WalkResult collect_inputs(const std::vector<std::string>& arguments, const PathFilter& filter, bool force_exclude,
                          const std::string& stdin_filename) {
  WalkResult result;
  Walker walker(filter, result);
  for (const std::string& argument : arguments) {
    if (argument == "-") {
      result.files.push_back(InputFile{{}, stdin_filename, Origin::named});
      continue;
    }
    struct stat status {};
    const int error = ::stat(argument.c_str(), &status) == 0 ? 0 : errno;
    if (error == 0 && S_ISDIR(status.st_mode)) {
      std::vector<InputFile> found = walker.walk(argument);
      if (result.files.empty()) {
        result.files = std::move(found);  // one directory, the usual case: no second list
      } else {
        result.files.insert(result.files.end(), std::make_move_iterator(found.begin()),
                            std::make_move_iterator(found.end()));
      }
    } else if (error == 0) {
      InputFile file{argument, display_name(argument), Origin::named};
      if (!force_exclude || !filter.excluded(file)) {
        result.files.push_back(std::move(file));
      }
    } else if (error != ENOENT && error != ENOTDIR) {
      // A link loop, a directory on the way it may not search: not "missing".
      std::fprintf(stderr, "policylint: %s: cannot be read: %s\n", argument.c_str(), error_reason(error).c_str());
      result.failed = true;
    } else if (has_wildcard(argument)) {
      std::vector<InputFile> found = walker.walk(glob_base(argument));
      const std::size_t before = result.files.size();
      for (InputFile& file : found) {
        if (path_matches(argument, file.display)) {
          file.origin = Origin::globbed;
          result.files.push_back(std::move(file));
        }
      }
      // A mistyped glob in CI must not pass as "0 findings".
      if (result.files.size() == before) {
        std::fprintf(stderr, "policylint: %s: the glob matches no file (excluded files do not count)\n",
                     argument.c_str());
        result.failed = true;
      }
    } else {
      std::fprintf(stderr, "policylint: %s: no such file or directory\n", argument.c_str());
      result.failed = true;
    }
  }
  return result;
}

}  // namespace policylint::cli
