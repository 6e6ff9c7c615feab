// The C API's error reporting: a per-thread last-error message.
#include <algorithm>
#include <cstdio>
#include <cstring>

#include <string>

#include "capi/capi_support.hpp"
#include "document/utf8.hpp"
#include "hygiene/secret_scan.hpp"

namespace policylint::capi {
namespace {

// A fixed buffer: recording an error must not throw, and the message stays
// readable whatever the caller allocates next.
constexpr std::size_t kMaxMessage = 1024;
thread_local char last_error[kMaxMessage] = "";

void record(std::string_view message) noexcept {
  std::size_t size = std::min(message.size(), kMaxMessage - 1);
  // Do not cut a UTF-8 sequence in two: back up to the start of a character.
  while (size > 0 && size < message.size() && (static_cast<unsigned char>(message[size]) & 0xC0) == 0x80) {
    --size;
  }
  std::memcpy(last_error, message.data(), size);
  last_error[size] = '\0';
}

}  // namespace

int fail(int code, std::string_view message) noexcept {
  // A message may quote what the caller passed (a selector, an action, a
  // path), and that may hold an AWS key: it is masked as every report is.
  // Masking needs a copy; when memory for it runs out, the message is
  // withheld rather than recorded unmasked.
  try {
    std::string masked(message);
    hygiene::mask_credentials(masked);
    record(masked);
  } catch (...) {
    record("the error message could not be prepared: out of memory");
  }
  return code;
}

void clear_error() noexcept { last_error[0] = '\0'; }

int check_options_version(unsigned int version, unsigned int newest, const char* init_macro) noexcept {
  if (version != 0 && version <= newest) {
    return PL_OK;
  }
  char message[160];
  std::snprintf(message, sizeof message,
                "options.version is %u; this library understands 1 to %u (initialise options with %s)", version,
                newest, init_macro);
  return fail(PL_EOPTIONS, message);
}

bool is_utf8(std::string_view text) noexcept {
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t length = utf8_sequence_length(text, pos);
    if (length == 0) {
      return false;
    }
    pos += length;
  }
  return true;
}

}  // namespace policylint::capi

extern "C" {

const char* pl_last_error(void) { return policylint::capi::last_error; }

const char* pl_error_name(int code) {
  switch (code) {
    case PL_OK: return "PL_OK";
    case PL_EINVALID: return "PL_EINVALID";
    case PL_EOPTIONS: return "PL_EOPTIONS";
    case PL_EIO: return "PL_EIO";
    case PL_EUTF8: return "PL_EUTF8";
    case PL_ENOTFOUND: return "PL_ENOTFOUND";
    case PL_ENOMEM: return "PL_ENOMEM";
    case PL_EINTERNAL: return "PL_EINTERNAL";
    default: return "unknown";
  }
}

}  // extern "C"
