#include "safe_stderr.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <string>
#include <string_view>

#include "policylint/safe_text.hpp"

namespace policylint::cli {
namespace {

bool at_line_start = true;

void write_all(std::string_view bytes) {
  while (!bytes.empty()) {
    const ::ssize_t written = ::write(STDERR_FILENO, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) {
      continue;
    }
    if (written <= 0) {
      return;  // nowhere left to report to
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
}

// The stream is unbuffered, so each fprintf arrives whole, as one write:
// one message, shown on one line.
::ssize_t write_filtered(void* /*cookie*/, const char* data, std::size_t size) {
  std::string_view message(data, size);
  const bool ends_line = message.ends_with('\n');
  if (ends_line) {
    message.remove_suffix(1);
  }
  std::string shown = printable(message);
  if (at_line_start && shown.starts_with("::")) {
    shown.replace(0, 1, "\\x3a");
  }
  if (ends_line) {
    shown += '\n';
  }
  at_line_start = ends_line || (at_line_start && message.empty());
  write_all(shown);
  return static_cast<::ssize_t>(size);
}

std::FILE* unfiltered = nullptr;

}  // namespace

void filter_standard_error() {
  const cookie_io_functions_t functions{nullptr, write_filtered, nullptr, nullptr};
  if (FILE* filtered = ::fopencookie(nullptr, "w", functions)) {
    std::setvbuf(filtered, nullptr, _IONBF, 0);
    unfiltered = stderr;
    stderr = filtered;
  }
}

std::FILE* raw_standard_error() noexcept { return unfiltered != nullptr ? unfiltered : stderr; }

}  // namespace policylint::cli
