#pragma once
// Asking git which files of a work tree matter. The work tree may be a
// hostile checkout: git runs with every setting that could start a program
// (an fsmonitor hook, a pager, an editor, a transport) turned off.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace policylint::cli {

/// The nearest of `directory` and its parents that holds a `.git` entry, so
/// that git is only started where it can help.
std::optional<std::filesystem::path> enclosing_work_tree(const std::filesystem::path& directory);

/// The files under `directory` that git tracks plus the untracked ones it
/// does not ignore, relative to `directory`; nothing when git is missing,
/// refuses the repository, or the directory is not in a work tree.
std::optional<std::vector<std::string>> git_listed_files(const std::filesystem::path& directory);

/// True when `work_tree` belongs to another user, which git refuses to read
/// unless the user's own configuration lists it in safe.directory.
bool owned_by_another_user(const std::filesystem::path& work_tree);

}  // namespace policylint::cli
