#include "init_config.hpp"

#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "input_walk.hpp"
#include "policylint/config.hpp"

namespace policylint::cli {
namespace {

constexpr const char* kFileName = ".policylint.json";

// Folders whose files are all of one type, by the folder's name.
struct FolderHint {
  std::string_view name;
  std::string_view type;
};
constexpr FolderHint kFolderHints[] = {
    {"scp", "scp"},
    {"scps", "scp"},
    {"service-control-policies", "scp"},
    {"rcp", "rcp"},
    {"rcps", "rcp"},
    {"resource-control-policies", "rcp"},
    {"trust", "trust"},
    {"trust-policies", "trust"},
    {"boundaries", "boundary"},
    {"permission-boundaries", "boundary"},
    {"permissions-boundaries", "boundary"},
};

// Files of one type, by a word in the file's name: the glob (which matches
// in any folder) and the type.
struct FileHint {
  std::string_view word;
  std::string_view glob;
  std::string_view type;
};
constexpr FileHint kFileHints[] = {
    {"trust", "*trust*.json", "trust"},
    {"bucket-policy", "*bucket-policy*.json", "resource"},
    {"boundary", "*boundary*.json", "boundary"},
    {"endpoint-policy", "*endpoint-policy*.json", "endpoint"},
};

struct Guess {
  std::string type;
  std::size_t files = 0;
};

// The guesses for the JSON files a walk of the current directory finds, by
// glob, in the order the globs are written (folders first: the first
// matching glob wins).
std::vector<std::pair<std::string, Guess>> guess_policy_types() {
  const Config no_config;
  const PathFilter filter{{}, {}, &no_config};
  const WalkResult walk = collect_inputs({"."}, filter, false, "-");
  std::map<std::string, Guess> folders;
  std::map<std::string, Guess> files;
  for (const InputFile& file : walk.files) {
    if (!filter.included(file)) continue;
    const std::filesystem::path path(file.display);
    std::filesystem::path folder;
    bool in_typed_folder = false;
    for (const auto& component : path.parent_path()) {
      folder /= component;
      for (const FolderHint& hint : kFolderHints) {
        if (component == hint.name) {
          Guess& guess = folders[folder.generic_string() + "/"];
          guess.type = hint.type;
          ++guess.files;
          in_typed_folder = true;
        }
      }
      if (in_typed_folder) break;
    }
    if (in_typed_folder) continue;
    const std::string name = path.filename().string();
    for (const FileHint& hint : kFileHints) {
      if (name.find(hint.word) != std::string::npos) {
        Guess& guess = files[std::string(hint.glob)];
        guess.type = hint.type;
        ++guess.files;
        break;
      }
    }
  }
  std::vector<std::pair<std::string, Guess>> guesses(folders.begin(), folders.end());
  guesses.insert(guesses.end(), files.begin(), files.end());
  return guesses;
}

// Globs and types hold letters, digits and "-_./*" from file names: JSON
// needs only '"' and '\\' escaped, and control characters written as \u.
std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

int write_initial_config() {
  std::error_code error;
  if (std::filesystem::exists(kFileName, error) || error) {
    std::fprintf(stderr, "policylint: %s already exists; --init does not overwrite it\n", kFileName);
    return exit_usage;
  }
  const std::vector<std::pair<std::string, Guess>> guesses = guess_policy_types();
  std::string text = "{\n  \"policy-types\": {";
  const char* separator = "\n";
  for (const auto& [glob, guess] : guesses) {
    text += separator;
    text += "    " + json_string(glob) + ": " + json_string(guess.type);
    separator = ",\n";
  }
  text += guesses.empty() ? "},\n" : "\n  },\n";
  text += "  \"exclude\": [],\n  \"fail-on\": \"warning\"\n}\n";

  std::FILE* out = std::fopen(kFileName, "wx");  // x: never overwrite a file made meanwhile
  bool written = out != nullptr;
  if (written) {
    written = std::fwrite(text.data(), 1, text.size(), out) == text.size();
    written = std::fclose(out) == 0 && written;
  }
  if (!written) {
    std::fprintf(stderr, "policylint: %s: cannot be written\n", kFileName);
    return exit_usage;
  }
  std::fprintf(stderr, "policylint: wrote %s\n", kFileName);
  if (guesses.empty()) {
    std::fputs("policylint: no folder or file name suggested a policy type; policies are typed by their content\n",
               stderr);
  }
  for (const auto& [glob, guess] : guesses) {
    std::fprintf(stderr, "policylint: guessed %s for %s (%zu file%s)\n", guess.type.c_str(), glob.c_str(), guess.files,
                 guess.files == 1 ? "" : "s");
  }
  std::fputs("policylint: check the guesses, then see docs/configuration.md for the other keys\n", stderr);
  return exit_clean;
}

}  // namespace policylint::cli
