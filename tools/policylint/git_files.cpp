#include "git_files.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <system_error>

extern char** environ;

namespace policylint::cli {
namespace {

// Settings of the checkout's own .git/config that would make `git ls-files`
// start a program, overridden on the command line (which beats every
// configuration file): the fsmonitor hook runs on every index read; hooks,
// pagers, editors and external diff programs are not started by ls-files
// today but cost nothing to rule out; no transport may run (a partial clone
// could otherwise fetch). A bare repository found inside the walked
// directory is not used (git honours safe.bareRepository only from the
// command line or the user's own configuration). ls-files reads no file
// contents, so no clean or smudge filter runs.
constexpr auto kGitSettings = std::to_array<std::string_view>({
    "core.fsmonitor=false",
    "core.hooksPath=/dev/null",
    "core.pager=cat",
    "core.editor=true",
    "diff.external=",
    "protocol.allow=never",
    "safe.bareRepository=explicit",
});

// The environment git runs in: the user's, with the variables that name a
// program to start replaced. Git writes nothing (no index refresh), asks for
// nothing, and pages nothing.
constexpr auto kGitEnvironment = std::to_array<std::string_view>({
    "GIT_PAGER=cat",
    "PAGER=cat",
    "GIT_EDITOR=true",
    "GIT_TERMINAL_PROMPT=0",
    "GIT_OPTIONAL_LOCKS=0",
    "GIT_NO_LAZY_FETCH=1",
    "GIT_ASKPASS=true",
    "SSH_ASKPASS=true",
});

bool replaced(std::string_view variable) {
  return std::any_of(kGitEnvironment.begin(), kGitEnvironment.end(),
                     [&](std::string_view setting) {
                       return variable.starts_with(setting.substr(0, setting.find('=') + 1));
                     }) ||
         variable.starts_with("GIT_EXTERNAL_DIFF=");
}

std::vector<std::string> git_environment() {
  std::vector<std::string> out;
  for (char** variable = environ; *variable != nullptr; ++variable) {
    if (!replaced(*variable)) {
      out.emplace_back(*variable);
    }
  }
  out.insert(out.end(), kGitEnvironment.begin(), kGitEnvironment.end());
  return out;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& text : strings) {
    out.push_back(text.data());
  }
  out.push_back(nullptr);
  return out;
}

// Runs `argv` with its standard output captured and its standard input and
// error on /dev/null; returns the output when the program exits with status 0.
std::optional<std::string> run_and_capture(std::vector<std::string> argv) {
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
    return std::nullopt;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::vector<std::string> environment = git_environment();
  const std::vector<char*> args = pointers(argv);
  const std::vector<char*> env = pointers(environment);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  std::string output;
  if (spawned == 0) {
    std::array<char, 65536> buffer;
    ssize_t got = 0;
    while ((got = read(pipe_fds[0], buffer.data(), buffer.size())) > 0 || (got < 0 && errno == EINTR)) {
      if (got > 0) {
        output.append(buffer.data(), static_cast<std::size_t>(got));
      }
    }
  }
  close(pipe_fds[0]);
  if (spawned != 0) {
    return std::nullopt;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return std::nullopt;
  }
  return output;
}

}  // namespace

std::optional<std::filesystem::path> enclosing_work_tree(const std::filesystem::path& directory) {
  std::error_code error;
  std::filesystem::path current = std::filesystem::absolute(directory, error).lexically_normal();
  if (!current.has_filename() && current.has_relative_path()) {
    current = current.parent_path();  // "dir/" names the same directory as "dir"
  }
  while (!error) {
    if (std::filesystem::exists(current / ".git", error)) {
      return current;
    }
    if (!current.has_relative_path()) {
      return std::nullopt;
    }
    current = current.parent_path();
  }
  return std::nullopt;
}

std::optional<std::vector<std::string>> git_listed_files(const std::filesystem::path& directory) {
  std::vector<std::string> argv = {"git", "--no-pager", "--no-replace-objects"};
  for (const std::string_view setting : kGitSettings) {
    argv.emplace_back("-c");
    argv.emplace_back(setting);
  }
  for (const char* argument :
       {"-C", directory.c_str(), "ls-files", "--cached", "--others", "--exclude-standard", "-z"}) {
    argv.emplace_back(argument);
  }
  const auto output = run_and_capture(std::move(argv));
  if (!output) {
    return std::nullopt;
  }
  std::vector<std::string> files;
  std::size_t start = 0;
  while (start < output->size()) {
    const std::size_t end = output->find('\0', start);
    files.push_back(output->substr(start, end - start));
    if (end == std::string::npos) {
      break;
    }
    start = end + 1;
  }
  return files;
}

bool owned_by_another_user(const std::filesystem::path& work_tree) {
  struct stat status {};
  return ::stat(work_tree.c_str(), &status) == 0 && status.st_uid != ::geteuid();
}

}  // namespace policylint::cli
