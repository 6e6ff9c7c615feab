#pragma once
// What the C API's functions share: the objects behind its opaque handles,
// the thread-local last error, and the guard that keeps C++ exceptions from
// crossing into C.
#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "policylint.h"
#include "policylint/catalog.hpp"
#include "policylint/linter.hpp"

struct pl_analyzer {
  policylint::Linter linter;
  policylint::Severity fail_on;
};

struct pl_result {
  policylint::LintResult lint;  ///< as linted: what pl_render reports (and masks)
  policylint::Severity fail_on;
  /// lint's findings and file name with credentials masked: what the
  /// accessors hand out, since a caller may print them as they are.
  std::vector<policylint::Finding> shown;
  std::string shown_file;
};

struct pl_action_list {
  std::vector<policylint::catalog::ActionView> actions;
  /// Every name followed by a NUL, so that names can be handed out as C
  /// strings without one allocation per action.
  std::string names;
  std::vector<std::size_t> name_offsets;
};

namespace policylint::capi {

/// Records `message` as this thread's last error and returns `code`.
int fail(int code, std::string_view message) noexcept;

/// Clears this thread's last error.
void clear_error() noexcept;

/// PL_OK when an options struct's `version` is one this library reads, else
/// PL_EOPTIONS with a message naming the `init_macro` that sets it.
int check_options_version(unsigned int version, unsigned int newest, const char* init_macro) noexcept;

/// Fills result.shown and result.shown_file from result.lint, masked.
void show_masked(pl_result& result);

/// True when `text` is entirely valid UTF-8.
bool is_utf8(std::string_view text) noexcept;

/// Runs `body` (which returns a PL_ code), turning any exception into an
/// error code and clearing the last error on success.
template <class Body>
int guarded(Body&& body) noexcept {
  try {
    const int code = body();
    if (code == PL_OK) {
      clear_error();
    }
    return code;
  } catch (const std::bad_alloc&) {
    return fail(PL_ENOMEM, "out of memory");
  } catch (const std::exception& e) {
    return fail(PL_EINTERNAL, fmt::format("internal error: {}", e.what()));
  } catch (...) {
    return fail(PL_EINTERNAL, "internal error: unknown exception");
  }
}

/// Fails with PL_EINVALID when `pointer` is null, naming the argument.
#define PL_REQUIRE_ARGUMENT(pointer)                                                    \
  do {                                                                                  \
    if ((pointer) == nullptr) {                                                         \
      return ::policylint::capi::fail(PL_EINVALID, "argument '" #pointer "' is NULL"); \
    }                                                                                   \
  } while (false)

}  // namespace policylint::capi
