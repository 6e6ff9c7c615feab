#pragma once
// The `--format text|json` option shared by the catalog subcommands
// (`expand`, `catalog`), which print either plain text or one JSON object.
#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

#include "commands.hpp"

namespace policylint::cli {

enum class TextOrJson { text, json };

enum class OptionResult { not_this_option, parsed, error };

/// Reads `--format FORMAT` or `--format=FORMAT` at args[i] into `format`,
/// advancing i past a separate value. Prints the error when the value is
/// missing or is neither "text" nor "json".
inline OptionResult parse_text_or_json(Args args, std::size_t& i, TextOrJson& format) {
  constexpr std::string_view option = "--format";
  const std::string_view arg = args[i];
  std::string_view value;
  if (arg == option) {
    if (i + 1 == args.size()) {
      std::fprintf(stderr, "policylint: --format needs a value (text or json)\n");
      return OptionResult::error;
    }
    value = args[++i];
  } else if (arg.starts_with("--format=")) {
    value = arg.substr(option.size() + 1);
  } else {
    return OptionResult::not_this_option;
  }
  if (value == "text") {
    format = TextOrJson::text;
  } else if (value == "json") {
    format = TextOrJson::json;
  } else {
    std::fprintf(stderr, "policylint: unknown format '%s' (expected text or json)\n", std::string(value).c_str());
    return OptionResult::error;
  }
  return OptionResult::parsed;
}

}  // namespace policylint::cli
