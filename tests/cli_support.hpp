#pragma once
// Running the built policylint binary the way a user does: in a directory of
// its own, with arguments, standard input and environment, capturing what it
// prints and how it exits. Shared by the tests/cli_*.cpp end-to-end tests.
#include <filesystem>
#include <optional>
#include <string>

namespace policylint::test {

/// A fresh directory under the system temporary directory, removed with
/// everything in it when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const noexcept { return path_; }
  /// Writes `text` to `relative`, creating directories on the way.
  void write(const std::string& relative, const std::string& text) const;
  std::string read(const std::string& relative) const;

 private:
  std::filesystem::path path_;
};

struct CliRun {
  int status = -1;  ///< exit status, or -1 when it did not exit normally
  std::string out;
  std::string err;
};

/// Runs `policylint ARGUMENTS` in `directory` through the shell (so arguments
/// are shell words), with `stdin_text` on standard input and `environment`
/// (shell assignments such as "NO_COLOR=1") prepended.
CliRun run_policylint(const std::filesystem::path& directory, const std::string& arguments,
                      const std::string& stdin_text = "", const std::string& environment = "");

/// True when text output holds a finding line starting with `location`
/// (e.g. "p.json:6:17") and tagged with rule `code`.
bool reports(const CliRun& run, const std::string& location, const std::string& code);

/// Runs a shell command in `directory`; returns its exit status.
int run_shell(const std::filesystem::path& directory, const std::string& command);

/// Checks JSON `document` against the JSON Schema in `schema_file` with
/// python3's jsonschema: "" when valid, else the validation error; nothing
/// when python3 or jsonschema is not installed.
std::optional<std::string> schema_errors(const std::string& document, const std::filesystem::path& schema_file);

/// Makes `directory` a git repository with a committer identity.
void git_init(const std::filesystem::path& directory);

/// A small policy with findings of each severity the tests rely on: an
/// `allow` Effect (PL108, error) in a statement with Sid `Read`.
extern const char* const kPolicyWithError;
/// A clean policy.
extern const char* const kCleanPolicy;

}  // namespace policylint::test
