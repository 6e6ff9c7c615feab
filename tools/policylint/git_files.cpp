#include "git_files.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <system_error>

extern char** environ;

namespace policylint::cli {
namespace {

// Runs `argv` with its standard output captured and its standard error
// discarded; returns the output when the program exits with status 0.
std::optional<std::string> run_and_capture(const std::vector<std::string>& argv) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) {
    return std::nullopt;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::vector<char*> args;
  for (const std::string& arg : argv) {
    args.push_back(const_cast<char*>(arg.c_str()));
  }
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
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

bool inside_git_work_tree(const std::filesystem::path& directory) {
  std::error_code error;
  std::filesystem::path current = std::filesystem::absolute(directory, error).lexically_normal();
  while (!error) {
    if (std::filesystem::exists(current / ".git", error)) {
      return true;
    }
    if (!current.has_relative_path()) {
      return false;
    }
    current = current.parent_path();
  }
  return false;
}

std::optional<std::vector<std::string>> git_listed_files(const std::filesystem::path& directory) {
  const auto output = run_and_capture(
      {"git", "-C", directory.string(), "ls-files", "--cached", "--others", "--exclude-standard", "-z"});
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

}  // namespace policylint::cli
