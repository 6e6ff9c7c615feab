// Rendering results as a report through the C API.
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <span>

#include <fmt/format.h>

#include "capi/capi_support.hpp"
#include "policylint/report.hpp"

namespace policylint::capi {
namespace {

std::string render(std::span<const LintResult> results, const pl_render_options& options) {
  const RunSummary summary = RunSummary::of(results);
  switch (options.format) {
    case PL_FORMAT_SARIF:
      // An empty root is no root given, as NULL: there is no empty directory name.
      return render_sarif(results, options.source_root != nullptr && *options.source_root != '\0'
                                       ? std::filesystem::path(options.source_root)
                                       : std::filesystem::current_path());
    case PL_FORMAT_TEXT: return render_text(results, summary, TextOptions{});
    default: return render_json(results, summary);
  }
}

int validate(const pl_render_options& options) {
  if (const int code = check_options_version(options.version, PL_RENDER_OPTIONS_VERSION, "PL_RENDER_OPTIONS_INIT");
      code != PL_OK) {
    return code;
  }
  if (options.format != PL_FORMAT_JSON && options.format != PL_FORMAT_SARIF && options.format != PL_FORMAT_TEXT) {
    return fail(PL_EOPTIONS, fmt::format("options.format is {}, not a pl_format", options.format));
  }
  if (options.source_root != nullptr && !is_utf8(options.source_root)) {
    return fail(PL_EUTF8, "options.source_root is not valid UTF-8");
  }
  return PL_OK;
}

}  // namespace
}  // namespace policylint::capi

using namespace policylint;
using namespace policylint::capi;

extern "C" {

int pl_render(char** out, size_t* out_size, const pl_result* const* results, size_t count,
              const pl_render_options* options) {
  return guarded([&]() -> int {
    PL_REQUIRE_ARGUMENT(out);
    *out = nullptr;
    if (out_size != nullptr) {
      *out_size = 0;
    }
    if (results == nullptr && count != 0) {
      return fail(PL_EINVALID, "argument 'results' is NULL but count is not 0");
    }
    const pl_render_options defaults = PL_RENDER_OPTIONS_INIT;
    const pl_render_options& settings = options ? *options : defaults;
    if (const int code = validate(settings); code != PL_OK) {
      return code;
    }
    std::string text;
    if (count == 1 && results[0] != nullptr) {
      text = render(std::span(&results[0]->lint, 1), settings);  // the common case needs no copy
    } else {
      // The reporters take a contiguous span; the handles are separate objects.
      std::vector<LintResult> all;
      all.reserve(count);
      for (std::size_t i = 0; i < count; ++i) {
        if (results[i] == nullptr) {
          return fail(PL_EINVALID, fmt::format("results[{}] is NULL", i));
        }
        all.push_back(results[i]->lint);
      }
      text = render(all, settings);
    }
    char* buffer = static_cast<char*>(std::malloc(text.size() + 1));
    if (buffer == nullptr) {
      return fail(PL_ENOMEM, "out of memory");
    }
    std::memcpy(buffer, text.c_str(), text.size() + 1);
    *out = buffer;
    if (out_size != nullptr) {
      *out_size = text.size();
    }
    return PL_OK;
  });
}

void pl_free(void* buffer) { std::free(buffer); }

}  // extern "C"
