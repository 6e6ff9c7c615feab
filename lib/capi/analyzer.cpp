// Analyzers and linting through the C API.
#include <algorithm>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "capi/capi_support.hpp"
#include "policylint/input_file.hpp"
#include "policylint/config.hpp"
#include "policylint/option_values.hpp"
#include "policylint/policy_type.hpp"
#include "policylint/workspace.hpp"

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
    if (std::string error; !check_rule_selector(selector, error)) {
      return fail(PL_EOPTIONS, fmt::format("options.{}: {}", field, error));
    }
    out.emplace_back(selector);
  }
  return PL_OK;
}

// A list of `count` strings at `items`, each checked for NULL and UTF-8.
int read_strings(std::vector<std::string_view>& out, const char* const* items, std::size_t count, const char* field) {
  if (count > 0 && items == nullptr) {
    return fail(PL_EINVALID, fmt::format("options.{} is NULL but its count is not 0", field));
  }
  for (std::size_t i = 0; i < count; ++i) {
    if (items[i] == nullptr) {
      return fail(PL_EINVALID, fmt::format("options.{}[{}] is NULL", field, i));
    }
    if (!is_utf8(items[i])) {
      return fail(PL_EUTF8, fmt::format("options.{}[{}] is not valid UTF-8", field, i));
    }
    out.emplace_back(items[i]);
  }
  return PL_OK;
}

// The fields that version 2 of pl_options added.
int read_version_2_options(LintOptions& lint, const pl_options& options) {
  std::vector<std::string_view> overrides;
  if (const int code = read_strings(overrides, options.severity_overrides, options.severity_override_count * 2,
                                    "severity_overrides");
      code != PL_OK) {
    return code;
  }
  for (std::size_t i = 0; i + 1 < overrides.size(); i += 2) {
    if (find_rule(overrides[i]) == nullptr) {
      return fail(PL_EOPTIONS,
                  fmt::format("options.severity_overrides: '{}' is not a rule code or name", overrides[i]));
    }
    std::string error;
    const auto severity = read_severity(overrides[i + 1], error);
    if (!severity) {
      return fail(PL_EOPTIONS, fmt::format("options.severity_overrides: {}", error));
    }
    lint.severity_overrides[std::string(overrides[i])] = *severity;
  }
  std::vector<std::string_view> rule_options;
  if (const int code = read_strings(rule_options, options.rule_options, options.rule_option_count, "rule_options");
      code != PL_OK) {
    return code;
  }
  const auto known = known_rule_options();
  for (const std::string_view option : rule_options) {
    const std::size_t equals = option.find('=');
    const std::string_view name = option.substr(0, equals);
    if (equals == std::string_view::npos ||
        std::none_of(known.begin(), known.end(), [&](const RuleOptionInfo& info) { return info.name == name; })) {
      return fail(PL_EOPTIONS, fmt::format("options.rule_options: '{}' is not name=value with a known option name "
                                           "(docs/configuration.md lists them)",
                                           option));
    }
    lint.rule_options[std::string(name)].emplace_back(option.substr(equals + 1));
  }
  lint.legacy_scp = options.legacy_scp != 0;
  if (options.as_of != nullptr) {
    std::string error;
    lint.as_of = read_date(options.as_of, error);
    if (!lint.as_of) {
      return fail(PL_EOPTIONS, fmt::format("options.as_of: {}", error));
    }
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
    std::string error;
    lint.policy_type = read_policy_type(name, error);
    if (!lint.policy_type) {
      return fail(PL_EOPTIONS, fmt::format("options.policy_type: {}", error));
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
  if (options.version >= 2) {
    return read_version_2_options(lint, options);
  }
  return PL_OK;
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
    if (*path == '\0') {
      return fail(PL_EIO, "'': no such file or directory");  // "" would read standard input
    }
    InputRead read = read_input_file(path, analyzer->linter.options().parse_limits.max_bytes);
    if (!read.error.empty()) {
      return fail(PL_EIO, fmt::format("{}: {}", path, read.error));
    }
    return lint_into(out, *analyzer, path, std::move(read.bytes));
  });
}

int pl_lint_set(pl_result** out, const pl_analyzer* analyzer, const pl_input* inputs, size_t count) {
  return guarded([&]() -> int {
    PL_REQUIRE_ARGUMENT(out);
    for (size_t i = 0; i < count; ++i) {
      out[i] = nullptr;
    }
    PL_REQUIRE_ARGUMENT(analyzer);
    if (inputs == nullptr && count != 0) {
      return fail(PL_EINVALID, "argument 'inputs' is NULL but count is not 0");
    }
    Workspace workspace(analyzer->linter.options());
    for (size_t i = 0; i < count; ++i) {
      const pl_input& given = inputs[i];
      if (given.display_name == nullptr || (given.data == nullptr && given.size != 0)) {
        return fail(PL_EINVALID, fmt::format("inputs[{}] has a NULL display_name, or NULL data and a size", i));
      }
      if (!is_utf8(given.display_name)) {
        return fail(PL_EUTF8, fmt::format("inputs[{}].display_name is not valid UTF-8", i));
      }
      WorkspaceInput input;
      input.source = WorkspaceInput::Source::buffer;
      input.name = given.display_name;
      input.bytes = given.size == 0 ? std::string() : std::string(given.data, given.size);
      input.readers.credential_report = false;  // as pl_lint_buffer: policy documents only
      input.readers.secrets = false;
      workspace.add(std::move(input));
    }
    std::vector<std::unique_ptr<pl_result>> results(count);
    workspace.run(1, [&](InputResult& done) {
      // Policy readers only: a buffer holds at most one document.
      LintResult lint = done.results.empty() ? LintResult{} : std::move(done.results.front());
      if (done.results.empty()) {
        lint.file = inputs[done.index].display_name;
      }
      results[done.index] = std::make_unique<pl_result>(pl_result{std::move(lint), analyzer->fail_on, {}, {}});
      show_masked(*results[done.index]);
    });
    for (size_t i = 0; i < count; ++i) {
      out[i] = results[i].release();
    }
    return PL_OK;
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
