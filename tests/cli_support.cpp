#include "cli_support.hpp"

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace policylint::test {
namespace {

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (const char c : text) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int exit_status(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

}  // namespace

const char* const kPolicyWithError = R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Read",
      "Effect": "allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::example-bucket/*"
    }
  ]
}
)";

const char* const kCleanPolicy = R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Read",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::example-bucket/*"
    }
  ]
}
)";

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "policylint-cli-XXXXXX").string();
  REQUIRE(mkdtemp(pattern.data()) != nullptr);
  // Resolve symlinks (e.g. /tmp on some systems) so paths compare equal to
  // what the tool computes from its current directory.
  path_ = std::filesystem::canonical(pattern);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

void TempDir::write(const std::string& relative, const std::string& text) const {
  const std::filesystem::path file = path_ / relative;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  REQUIRE(out.good());
}

std::string TempDir::read(const std::string& relative) const { return slurp(path_ / relative); }

CliRun run_policylint(const std::filesystem::path& directory, const std::string& arguments,
                      const std::string& stdin_text, const std::string& environment) {
  const TempDir scratch;
  scratch.write("stdin", stdin_text);
  const std::string command = "cd " + shell_quote(directory.string()) + " && " + environment + " " +
                              shell_quote(POLICYLINT_CLI_PATH) + " " + arguments + " <" +
                              shell_quote((scratch.path() / "stdin").string()) + " >" +
                              shell_quote((scratch.path() / "out").string()) + " 2>" +
                              shell_quote((scratch.path() / "err").string());
  CliRun run;
  run.status = exit_status(std::system(command.c_str()));
  run.out = slurp(scratch.path() / "out");
  run.err = slurp(scratch.path() / "err");
  return run;
}

bool reports(const CliRun& run, const std::string& location, const std::string& code) {
  std::istringstream lines(run.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(location + ":", 0) == 0 && line.find(" [" + code + " ") != std::string::npos) {
      return true;
    }
  }
  return false;
}

int run_shell(const std::filesystem::path& directory, const std::string& command) {
  return exit_status(std::system(("cd " + shell_quote(directory.string()) + " && " + command).c_str()));
}

std::optional<std::string> schema_errors(const std::string& document, const std::filesystem::path& schema_file) {
  const TempDir scratch;
  scratch.write("document.json", document);
  scratch.write("validate.py", R"(import json, sys
try:
    import jsonschema
except ImportError:
    sys.exit(3)
schema = json.load(open(sys.argv[1]))
instance = json.load(open(sys.argv[2]))
validator = jsonschema.validators.validator_for(schema)(schema)
errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
for error in errors[:5]:
    print("/".join(map(str, error.absolute_path)) + ": " + error.message)
sys.exit(1 if errors else 0)
)");
  const std::string command = "python3 validate.py " + shell_quote(schema_file.string()) +
                              " document.json >result 2>&1";
  const int status = run_shell(scratch.path(), command);
  if (status != 0 && status != 1) {
    return std::nullopt;
  }
  return scratch.read("result");
}

void git_init(const std::filesystem::path& directory) {
  REQUIRE(run_shell(directory, "git init -q . && git config user.email t@example.com && git config user.name t") ==
          0);
}

}  // namespace policylint::test
