// The C API of the request evaluator: building and compiling a policy set,
// deciding requests, reading the explanation.
#include <memory>
#include <string>

#include "capi/capi_support.hpp"
#include "policylint/document.hpp"
#include "policylint/evaluator.hpp"

struct pl_policy_set_builder {
  policylint::PolicySetBuilder builder;
};

struct pl_policy_set {
  std::shared_ptr<const policylint::CompiledPolicySet> compiled;
};

struct pl_evaluation {
  policylint::Evaluation evaluation;
  std::string json;
};

namespace policylint::capi {
namespace {

bool read_role(int value, PolicyRole& role) noexcept {
  if (value < PL_ROLE_IDENTITY || value > PL_ROLE_RCP) return false;
  role = static_cast<PolicyRole>(value);
  return true;
}

int read_request(const pl_request* in, Request& out) {
  PL_REQUIRE_ARGUMENT(in);
  if (const int code = check_options_version(in->version, PL_REQUEST_VERSION, "PL_REQUEST_INIT"); code != PL_OK) {
    return code;
  }
  if (in->action == nullptr || in->resource == nullptr) {
    return fail(PL_EINVALID, "request.action and request.resource are required");
  }
  out.action = in->action;
  out.resource = in->resource;
  if (in->resource_account != nullptr) out.resource_account = in->resource_account;
  if (in->principal != nullptr) {
    out.principal = in->principal;
  } else {
    out.anonymous = true;
  }
  out.wildcard_only_action = in->wildcard_only_action != 0;
  if (in->context_count > 0 && in->context == nullptr) return fail(PL_EINVALID, "request.context is NULL");
  for (std::size_t i = 0; i < in->context_count; ++i) {
    const pl_context_entry& entry = in->context[i];
    if (entry.key == nullptr || (entry.value_count > 0 && entry.values == nullptr)) {
      return fail(PL_EINVALID, "a request.context entry has a NULL key or values");
    }
    ContextEntry& added = out.context.emplace_back();
    added.key = entry.key;
    added.value.multivalued = entry.multivalued != 0;
    for (std::size_t v = 0; v < entry.value_count; ++v) {
      if (entry.values[v] == nullptr) return fail(PL_EINVALID, "a request.context value is NULL");
      added.value.values.emplace_back(entry.values[v]);
    }
  }
  return PL_OK;
}

}  // namespace
}  // namespace policylint::capi

extern "C" {

const char* pl_decision_name(int decision) {
  switch (decision) {
    case PL_DECISION_ALLOWED: return "Allowed";
    case PL_DECISION_IMPLICITLY_DENIED: return "ImplicitlyDenied";
    case PL_DECISION_EXPLICITLY_DENIED: return "ExplicitlyDenied";
    default: return nullptr;
  }
}

int pl_policy_set_builder_new(pl_policy_set_builder** out) {
  using namespace policylint::capi;
  PL_REQUIRE_ARGUMENT(out);
  *out = nullptr;
  return guarded([&]() -> int {
    *out = new pl_policy_set_builder();
    return PL_OK;
  });
}

void pl_policy_set_builder_free(pl_policy_set_builder* builder) { delete builder; }

int pl_policy_set_builder_add(pl_policy_set_builder* builder, int role, const char* name, const char* data,
                              size_t size) {
  using namespace policylint::capi;
  PL_REQUIRE_ARGUMENT(builder);
  if (data == nullptr && size > 0) return fail(PL_EINVALID, "argument 'data' is NULL");
  return guarded([&]() -> int {
    policylint::PolicyRole parsed_role{};
    if (!read_role(role, parsed_role)) return fail(PL_EINVALID, fmt::format("unknown policy role {}", role));
    const std::string display = name != nullptr ? name : "policy";
    const policylint::Document document =
        policylint::parse_document(display, std::string(data != nullptr ? data : "", size));
    if (!document.policy) {
      const policylint::SyntaxIssue& issue = document.issues.front();
      return fail(PL_EINVALID, fmt::format("{}:{}:{}: not a policy document: {}", display, issue.range.begin.line,
                                           issue.range.begin.column, issue.detail));
    }
    builder->builder.add(parsed_role, display, *document.policy);
    return PL_OK;
  });
}

int pl_policy_set_builder_begin_level(pl_policy_set_builder* builder, int role, const char* name) {
  using namespace policylint::capi;
  PL_REQUIRE_ARGUMENT(builder);
  if (role != PL_ROLE_SCP && role != PL_ROLE_RCP) return fail(PL_EINVALID, "levels are for PL_ROLE_SCP and PL_ROLE_RCP");
  return guarded([&]() -> int {
    builder->builder.begin_level(static_cast<policylint::PolicyRole>(role), name != nullptr ? name : "");
    return PL_OK;
  });
}

int pl_policy_set_compile(pl_policy_set** out, const pl_policy_set_builder* builder) {
  using namespace policylint::capi;
  PL_REQUIRE_ARGUMENT(out);
  *out = nullptr;
  PL_REQUIRE_ARGUMENT(builder);
  return guarded([&]() -> int {
    *out = new pl_policy_set{builder->builder.compile()};
    return PL_OK;
  });
}

void pl_policy_set_free(pl_policy_set* set) { delete set; }

int pl_policy_set_decide(int* decision, const pl_policy_set* set, const pl_request* request) {
  using namespace policylint::capi;
  PL_REQUIRE_ARGUMENT(decision);
  *decision = -1;
  PL_REQUIRE_ARGUMENT(set);
  return guarded([&]() -> int {
    policylint::Request parsed;
    if (const int code = read_request(request, parsed); code != PL_OK) return code;
    *decision = static_cast<int>(set->compiled->decide(parsed));
    return PL_OK;
  });
}

int pl_policy_set_evaluate(pl_evaluation** out, const pl_policy_set* set, const pl_request* request) {
  using namespace policylint::capi;
  PL_REQUIRE_ARGUMENT(out);
  *out = nullptr;
  PL_REQUIRE_ARGUMENT(set);
  return guarded([&]() -> int {
    policylint::Request parsed;
    if (const int code = read_request(request, parsed); code != PL_OK) return code;
    auto evaluation = std::make_unique<pl_evaluation>();
    evaluation->evaluation = set->compiled->evaluate(parsed);
    evaluation->json = policylint::explanation_json(evaluation->evaluation);
    *out = evaluation.release();
    return PL_OK;
  });
}

void pl_evaluation_free(pl_evaluation* evaluation) { delete evaluation; }

int pl_evaluation_decision(const pl_evaluation* evaluation) {
  return evaluation != nullptr ? static_cast<int>(evaluation->evaluation.decision) : -1;
}

const char* pl_evaluation_reason(const pl_evaluation* evaluation) {
  return evaluation != nullptr ? evaluation->evaluation.reason.c_str() : nullptr;
}

const char* pl_evaluation_json(const pl_evaluation* evaluation) {
  return evaluation != nullptr ? evaluation->json.c_str() : nullptr;
}

}  // extern "C"
