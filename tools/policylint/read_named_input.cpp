#include "read_named_input.hpp"

#include <cstdio>

#include "policylint/input_file.hpp"

namespace policylint::cli {

std::optional<std::string> read_named_input(const std::string& path, std::size_t limit) {
  InputRead read = read_input_file(path == "-" ? std::string() : path, limit);
  if (read.over_limit) {
    read.error = "more than " + std::to_string(limit) + " bytes";
  }
  if (!read.error.empty()) {
    std::fprintf(stderr, "policylint: %s: cannot be read: %s\n", path.c_str(), read.error.c_str());
    return std::nullopt;
  }
  return std::move(read.bytes);
}

}  // namespace policylint::cli
