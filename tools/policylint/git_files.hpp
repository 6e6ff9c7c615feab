#pragma once
// Asking git which files of a work tree matter.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace policylint::cli {

/// True when `directory` or one of its parents holds a `.git` entry, so that
/// git is only started where it can help.
bool inside_git_work_tree(const std::filesystem::path& directory);

/// The files under `directory` that git tracks plus the untracked ones it
/// does not ignore, relative to `directory`; nothing when git is missing or
/// the directory is not in a work tree.
std::optional<std::vector<std::string>> git_listed_files(const std::filesystem::path& directory);

}  // namespace policylint::cli
