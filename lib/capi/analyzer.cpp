// Analyzers and linting through the C API.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "capi/capi_support.hpp"
#include "policylint/config.hpp"
#include "policylint/policy_type.hpp"

namespace policylint::capi {
namespace {

// Reads a selector list (select or ignore), refusing selectors that name no
// rule: a typo would otherwise silently run every rule, or none.
int read_selectors(std::vector<std::string>& out, const char* const* items, std::size_t count, const char* field) {
  if (count > 0 && items == nullptr) {
    return fail(PL_EINVALID, fmt::format("options.{} is NULL but its count is not 0", field));
  }
  for (std::size_t i = 0; i < count; ++i) {
    if (items[i] == nullptr) {
      return fail(PL_EINVALID, fmt::format("options.{}[{}] is NULL", field, i));
    }
    const std::string_view selector = items[i];
    if (!is_utf8(selector)) {
      return fail(PL_EUTF8, fmt::format("options.{}[{}] is not valid UTF-8", field, i));
    }
    if (!selects_any_rule(selector)) {
      return fail(PL_EOPTIONS, fmt::format("options.{}: '{}' is not a rule code, name, code prefix or category",
                                               field, selector));
    }
    out.emplace_back(selector);
  }
  return PL_OK;
}

int read_options(LintOptions& lint, Severity& fail_on, const pl_options& options) {
  if (const int code = check_options_version(options.version, PL_OPTIONS_VERSION, "PL_OPTIONS_INIT");
      code != PL_OK) {
    return code;
  }
  if (options.policy_type != nullptr) {
    const std::string_view name = options.policy_type;
    if (!is_utf8(name)) {
      return fail(PL_EUTF8, "options.policy_type is not valid UTF-8");
    }
    lint.policy_type = parse_policy_type(name);
    if (!lint.policy_type) {
      return fail(PL_EOPTIONS, fmt::format("options.policy_type: unknown policy type '{}' (expected identity, resource, "
                                           "trust, scp, rcp, boundary, session or endpoint)",
                                           name));
    }
  }
  if (const int code = read_selectors(lint.select, options.select, options.select_count, "select"); code != PL_OK) {
    return code;
  }
  if (const int code = read_selectors(lint.ignore, options.ignore, options.ignore_count, "ignore"); code != PL_OK) {
    return code;
  }
  if (options.fail_on < PL_SEVERITY_SUGGESTION || options.fail_on > PL_SEVERITY_ERROR) {
    return fail(PL_EOPTIONS, fmt::format("options.fail_on is {}, not a pl_severity", options.fail_on));
  }
  fail_on = static_cast<Severity>(options.fail_on);
  lint.require_mfa = options.require_mfa != 0;
  return PL_OK;
}

// The whole file, or nothing with the reason in `error`.
std::optional<std::string> read_file(const char* path, std::string& error) {
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> stream(std::fopen(path, "rb"), std::fclose);
  if (!stream) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::string bytes;
  char chunk[65536];
  std::size_t got = 0;
  while ((got = std::fread(chunk, 1, sizeof chunk, stream.get())) > 0) {
    bytes.append(chunk, got);
  }
  if (std::ferror(stream.get())) {  // e.g. EISDIR: a directory opens but does not read
    error = std::strerror(errno);
    return std::nullopt;
  }
  return bytes;
}

int lint_into(pl_result** out, const pl_analyzer& analyzer, std::string name, std::string bytes) {
  auto result = std::make_unique<pl_result>(pl_result{analyzer.linter.lint(std::move(name), std::move(bytes)),
                                                      analyzer.fail_on, {}, {}});
  show_masked(*result);
  *out = result.release();
  return PL_OK;
}

}  // namespace
}  // namespace policylint::capi

using namespace policylint;
using namespace policylint::capi;

extern "C" {

int pl_analyzer_new(pl_analyzer** out, const pl_options* options) {
  return guarded([&]() -> int {
    PL_REQUIRE_ARGUMENT(out);
    *out = nullptr;
    LintOptions lint;
    Severity fail_on = Severity::warning;
    if (options != nullptr) {
      if (const int code = read_options(lint, fail_on, *options); code != PL_OK) {
        return code;
      }
    }
    *out = new pl_analyzer{Linter(std::move(lint)), fail_on};
    return PL_OK;
  });
}

void pl_analyzer_free(pl_analyzer* analyzer) { delete analyzer; }

int pl_lint_buffer(pl_result** out, const pl_analyzer* analyzer, const char* display_name, const char* data,
                   size_t size) {
  return guarded([&]() -> int {
    PL_REQUIRE_ARGUMENT(out);
    *out = nullptr;
    PL_REQUIRE_ARGUMENT(analyzer);
    PL_REQUIRE_ARGUMENT(display_name);
    if (data == nullptr && size != 0) {
      return fail(PL_EINVALID, "argument 'data' is NULL but size is not 0");
    }
    if (!is_utf8(display_name)) {
      return fail(PL_EUTF8, "argument 'display_name' is not valid UTF-8");
    }
    return lint_into(out, *analyzer, display_name, size == 0 ? std::string() : std::string(data, size));
  });
}

int pl_lint_file(pl_result** out, const pl_analyzer* analyzer, const char* path) {
  return guarded([&]() -> int {
    PL_REQUIRE_ARGUMENT(out);
    *out = nullptr;
    PL_REQUIRE_ARGUMENT(analyzer);
    PL_REQUIRE_ARGUMENT(path);
    if (!is_utf8(path)) {
      return fail(PL_EUTF8, "argument 'path' is not valid UTF-8 (read the file yourself and use pl_lint_buffer "
                            "with a UTF-8 display name)");
    }
    std::string error;
    auto bytes = read_file(path, error);
    if (!bytes) {
      return fail(PL_EIO, fmt::format("{}: {}", path, error));
    }
    return lint_into(out, *analyzer, path, std::move(*bytes));
  });
}

void pl_result_free(pl_result* result) { delete result; }

const char* pl_result_file(const pl_result* result) { return result ? result->shown_file.c_str() : nullptr; }

const char* pl_result_policy_type(const pl_result* result) {
  // Policy type names are string literals in a static table.
  return result ? to_string(result->lint.policy_type).data() : nullptr;
}

int pl_result_failed(const pl_result* result) {
  if (result == nullptr) {
    return 0;
  }
  for (const Finding& finding : result->lint.findings) {
    if (at_least(finding, result->fail_on)) {
      return 1;
    }
  }
  return 0;
}

size_t pl_result_finding_count(const pl_result* result) { return result ? result->lint.findings.size() : 0; }

const pl_finding* pl_result_finding(const pl_result* result, size_t index) {
  if (result == nullptr || index >= result->lint.findings.size()) {
    return nullptr;
  }
  return reinterpret_cast<const pl_finding*>(&result->shown[index]);
}

}  // extern "C"
