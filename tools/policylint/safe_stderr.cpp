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

// The stream is unbuffered, so each fprintf arrives whole: its line breaks
// are the message's own, and each piece between them is shown printable.
::ssize_t write_filtered(void* /*cookie*/, const char* data, std::size_t size) {
  std::string out;
  std::string_view rest(data, size);
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    const std::string_view piece = rest.substr(0, end);
    std::string shown = printable(piece);
    if (at_line_start && shown.starts_with("::")) {
      shown.replace(0, 1, "\\x3a");
    }
    out += shown;
    at_line_start = end != std::string_view::npos;
    if (end == std::string_view::npos) {
      break;
    }
    out += '\n';
    rest.remove_prefix(end + 1);
  }
  write_all(out);
  return static_cast<::ssize_t>(size);
}

}  // namespace

void filter_standard_error() {
  const cookie_io_functions_t functions{nullptr, write_filtered, nullptr, nullptr};
  if (FILE* filtered = ::fopencookie(nullptr, "w", functions)) {
    std::setvbuf(filtered, nullptr, _IONBF, 0);
    stderr = filtered;
  }
}

}  // namespace policylint::cli
