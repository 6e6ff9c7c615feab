// Matching repository paths against the globs of a configuration and of
// --include/--exclude. The IAM glob matcher does the character work; this
// file only decides which part of the path a glob is compared with.
#include <filesystem>
#include <system_error>

#include "policylint/glob.hpp"

namespace policylint {
namespace {

bool matches(std::string_view glob, std::string_view text) noexcept {
  return glob_match(glob, text, CaseSensitivity::sensitive);
}

std::string_view without_dot_slash(std::string_view text) noexcept {
  while (text.starts_with("./")) {
    text.remove_prefix(2);
  }
  return text;
}

}  // namespace

bool path_matches(std::string_view glob, std::string_view path) noexcept {
  glob = without_dot_slash(glob);
  path = without_dot_slash(path);
  const bool anchored = glob.starts_with('/');
  if (anchored) {
    glob.remove_prefix(1);
  }
  if (glob.ends_with('/')) {
    glob.remove_suffix(1);  // "legacy/" names a directory, matched below as a leading one
  }
  if (glob.empty()) {
    return false;
  }
  const bool any_component = !anchored && glob.find('/') == std::string_view::npos;
  // Compare with each component (unanchored glob without '/'), or with the
  // whole path and each of its leading directories.
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = path.find('/', start);
    const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
    const std::string_view candidate = any_component ? path.substr(start, end - start) : path.substr(0, end);
    if (matches(glob, candidate)) {
      return true;
    }
    if (slash == std::string_view::npos) {
      return false;
    }
    start = slash + 1;
  }
}

std::string relative_path(const std::filesystem::path& file, const std::filesystem::path& directory) {
  std::error_code error;
  const std::filesystem::path absolute_file = std::filesystem::absolute(file, error).lexically_normal();
  const std::filesystem::path absolute_directory =
      std::filesystem::absolute(directory.empty() ? std::filesystem::path(".") : directory, error).lexically_normal();
  if (error) {
    return file.lexically_normal().generic_string();
  }
  return absolute_file.lexically_relative(absolute_directory).generic_string();
}

}  // namespace policylint
