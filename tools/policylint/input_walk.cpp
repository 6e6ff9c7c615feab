#include "input_walk.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <iterator>
#include <system_error>

#include "directory_walk.hpp"
#include "git_files.hpp"
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

class Walker {
 public:
  Walker(const PathFilter& filter, WalkResult& result) : filter_(filter), result_(result) {}

  // Every file under `root` that is not excluded, sorted by path.
  std::vector<InputFile> walk(const std::filesystem::path& root) {
    std::vector<InputFile> files;
    if (inside_git_work_tree(root)) {
      if (const auto listed = git_listed_files(root)) {
        for (const std::string& relative : *listed) {
          InputFile file = walked_file((root / relative).string());
          std::error_code error;
          // Tracked files deleted in the work tree, and submodules, are not files to read.
          if (std::filesystem::is_regular_file(file.path, error) && !filter_.excluded(file)) {
            files.push_back(std::move(file));
          }
        }
        return sorted(std::move(files));
      }
    }
    const DirectoryVisitor visitor{
        [&](const std::string& path, std::string_view name) {
          return !skipped_directory(name) && !filter_.excluded(walked_file(path));
        },
        [&](std::string path) {
          InputFile file = walked_file(std::move(path));
          if (!filter_.excluded(file)) {
            files.push_back(std::move(file));
          }
        },
    };
    if (const std::error_code error = walk_directory(root.string(), visitor)) {
      std::fprintf(stderr, "policylint: %s: %s\n", display_name(root.string()).c_str(), error.message().c_str());
      result_.failed = true;
    }
    return sorted(std::move(files));
  }

 private:
  static std::vector<InputFile> sorted(std::vector<InputFile> files) {
    std::sort(files.begin(), files.end(), [](const InputFile& a, const InputFile& b) { return a.display < b.display; });
    // git lists a file once per stage while a merge conflict is unresolved.
    files.erase(std::unique(files.begin(), files.end(),
                            [](const InputFile& a, const InputFile& b) { return a.display == b.display; }),
                files.end());
    return files;
  }

  const PathFilter& filter_;
  WalkResult& result_;
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
  return file.display.ends_with(".json");
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
    std::error_code error;
    const std::filesystem::file_status status = std::filesystem::status(argument, error);
    if (std::filesystem::is_directory(status)) {
      std::vector<InputFile> found = walker.walk(argument);
      if (result.files.empty()) {
        result.files = std::move(found);  // one directory, the usual case: no second list
      } else {
        result.files.insert(result.files.end(), std::make_move_iterator(found.begin()),
                            std::make_move_iterator(found.end()));
      }
    } else if (std::filesystem::exists(status)) {
      InputFile file{argument, display_name(argument), Origin::named};
      if (!force_exclude || !filter.excluded(file)) {
        result.files.push_back(std::move(file));
      }
    } else if (has_wildcard(argument)) {
      std::vector<InputFile> found = walker.walk(glob_base(argument));
      for (InputFile& file : found) {
        if (path_matches(argument, file.display)) {
          file.origin = Origin::globbed;
          result.files.push_back(std::move(file));
        }
      }
    } else {
      std::fprintf(stderr, "policylint: %s: no such file or directory\n", argument.c_str());
      result.failed = true;
    }
  }
  return result;
}

}  // namespace policylint::cli
