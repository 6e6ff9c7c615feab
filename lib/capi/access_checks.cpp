// The C API of the access checks (docs/checks.md): policies read from
// memory, a result handle holding PASS/FAIL, the issues and their JSON.
#include <optional>
#include <string>
#include <vector>

#include "capi/capi_support.hpp"
#include "policylint/access_checks.hpp"
#include "policylint/document.hpp"

struct pl_check_result {
  policylint::CheckResult result;
  std::string json;
};

namespace policylint::capi {
namespace {

/// Parses one policy text; on failure sets the error and returns nothing.
std::optional<Document> read_policy(const pl_policy_text* text, int& code) {
  if (text == nullptr || (text->data == nullptr && text->size > 0)) {
    code = fail(PL_EINVALID, "a pl_policy_text or its data is NULL");
    return std::nullopt;
  }
  const std::string name = text->name != nullptr ? text->name : "policy";
  Document document = parse_document(name, std::string(text->data != nullptr ? text->data : "", text->size));
  if (!document.policy) {
    const SyntaxIssue& issue = document.issues.front();
    code = fail(PL_EINVALID, fmt::format("{}:{}:{}: not a policy document: {}", name, issue.range.begin.line,
                                         issue.range.begin.column, issue.detail));
    return std::nullopt;
  }
  return document;
}

int read_strings(std::vector<std::string>& out, const char* const* strings, std::size_t count, const char* what) {
  if (count > 0 && strings == nullptr) return fail(PL_EINVALID, fmt::format("{} is NULL", what));
  for (std::size_t i = 0; i < count; ++i) {
    if (strings[i] == nullptr) return fail(PL_EINVALID, fmt::format("a value of {} is NULL", what));
    if (!is_utf8(strings[i])) return fail(PL_EUTF8, fmt::format("a value of {} is not valid UTF-8", what));
    out.emplace_back(strings[i]);
  }
  return PL_OK;
}

int finish(pl_check_result** out, std::string_view check, CheckResult result) {
  auto handle = std::make_unique<pl_check_result>();
  handle->json = check_result_json(check, result);
  handle->result = std::move(result);
  *out = handle.release();
  return PL_OK;
}

const CheckIssue* issue_at(const pl_check_result* result, std::size_t index) {
  return result != nullptr && index < result->result.issues.size() ? &result->result.issues[index] : nullptr;
}

}  // namespace
}  // namespace policylint::capi

extern "C" {

int pl_check_no_new_access(pl_check_result** out, const pl_policy_text* old_policy, const pl_policy_text* new_policy,
                           const char* policy_type) {
  using namespace policylint::capi;
  PL_REQUIRE_ARGUMENT(out);
  *out = nullptr;
  return guarded([&]() -> int {
    std::optional<policylint::PolicyType> type;
    if (policy_type != nullptr) {
      type = policylint::parse_policy_type(policy_type);
      if (!type) return fail(PL_EOPTIONS, fmt::format("unknown policy type '{}'", policy_type));
    }
    int code = PL_OK;
    const std::optional<policylint::Document> old_document = read_policy(old_policy, code);
    if (!old_document) return code;
    const std::optional<policylint::Document> new_document = read_policy(new_policy, code);
    if (!new_document) return code;
    const policylint::PolicyType checked = type.value_or(policylint::detect_policy_type(*new_document->policy));
    return finish(out, "no-new-access",
                  policylint::check_no_new_access({old_document->name, &*old_document->policy},
                                                  {new_document->name, &*new_document->policy}, checked));
  });
}

int pl_check_access_not_granted(pl_check_result** out, const pl_policy_text* policies, size_t policy_count,
                                const char* const* actions, size_t action_count, const char* const* resources,
                                size_t resource_count) {
  using namespace policylint::capi;
  PL_REQUIRE_ARGUMENT(out);
  *out = nullptr;
  if (policy_count > 0 && policies == nullptr) return fail(PL_EINVALID, "argument 'policies' is NULL");
  return guarded([&]() -> int {
    std::vector<std::string> wanted_actions;
    std::vector<std::string> wanted_resources;
    if (const int code = read_strings(wanted_actions, actions, action_count, "actions"); code != PL_OK) return code;
    if (const int code = read_strings(wanted_resources, resources, resource_count, "resources"); code != PL_OK) {
      return code;
    }
    std::vector<policylint::Document> documents;
    for (std::size_t i = 0; i < policy_count; ++i) {
      int code = PL_OK;
      std::optional<policylint::Document> document = read_policy(&policies[i], code);
      if (!document) return code;
      documents.push_back(std::move(*document));
    }
    std::vector<policylint::NamedPolicy> named;
    for (const policylint::Document& document : documents) named.push_back({document.name, &*document.policy});
    return finish(out, "access-not-granted",
                  policylint::check_access_not_granted(named, wanted_actions, wanted_resources));
  });
}

int pl_check_no_public_access(pl_check_result** out, const pl_policy_text* policy, const char* resource_type) {
  using namespace policylint::capi;
  PL_REQUIRE_ARGUMENT(out);
  PL_REQUIRE_ARGUMENT(resource_type);
  *out = nullptr;
  return guarded([&]() -> int {
    if (!policylint::is_public_access_resource_type(resource_type)) {
      return fail(PL_EOPTIONS, fmt::format("unknown resource type '{}'", resource_type));
    }
    int code = PL_OK;
    const std::optional<policylint::Document> document = read_policy(policy, code);
    if (!document) return code;
    return finish(out, "no-public-access",
                  policylint::check_no_public_access({document->name, &*document->policy}, resource_type));
  });
}

void pl_check_result_free(pl_check_result* result) { delete result; }

int pl_check_result_passed(const pl_check_result* result) {
  return result == nullptr ? -1 : (result->result.passed ? 1 : 0);
}

size_t pl_check_result_issue_count(const pl_check_result* result) {
  return result == nullptr ? 0 : result->result.issues.size();
}

const char* pl_check_result_issue_message(const pl_check_result* result, size_t index) {
  const policylint::CheckIssue* issue = policylint::capi::issue_at(result, index);
  return issue != nullptr ? issue->message.c_str() : nullptr;
}

unsigned int pl_check_result_issue_line(const pl_check_result* result, size_t index) {
  const policylint::CheckIssue* issue = policylint::capi::issue_at(result, index);
  return issue != nullptr ? issue->range.begin.line : 0;
}

const char* pl_check_result_json(const pl_check_result* result) {
  return result != nullptr ? result->json.c_str() : nullptr;
}

}  // extern "C"
