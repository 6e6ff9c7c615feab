// The IAM catalog through the C API: expanding action patterns and looking
// up access levels.
#include <memory>

#include <fmt/format.h>

#include "capi/capi_support.hpp"

using namespace policylint;
using namespace policylint::capi;

extern "C" {

int pl_expand_action(pl_action_list** out, const char* pattern) {
  return guarded([&]() -> int {
    PL_REQUIRE_ARGUMENT(out);
    *out = nullptr;
    PL_REQUIRE_ARGUMENT(pattern);
    if (!is_utf8(pattern)) {
      return fail(PL_EUTF8, "argument 'pattern' is not valid UTF-8");
    }
    auto list = std::make_unique<pl_action_list>();
    list->actions = catalog::expand(pattern);
    std::size_t total = 0;
    for (const catalog::ActionView action : list->actions) {
      total += action.name().size() + 1;
    }
    list->names.reserve(total);
    list->name_offsets.reserve(list->actions.size());
    for (const catalog::ActionView action : list->actions) {
      list->name_offsets.push_back(list->names.size());
      list->names.append(action.name());
      list->names.push_back('\0');
    }
    *out = list.release();
    return PL_OK;
  });
}

void pl_action_list_free(pl_action_list* list) { delete list; }

size_t pl_action_list_count(const pl_action_list* list) { return list ? list->actions.size() : 0; }

const char* pl_action_list_name(const pl_action_list* list, size_t index) {
  if (list == nullptr || index >= list->actions.size()) {
    return nullptr;
  }
  return list->names.c_str() + list->name_offsets[index];
}

int pl_action_list_access_level(const pl_action_list* list, size_t index) {
  if (list == nullptr || index >= list->actions.size()) {
    return -1;
  }
  return static_cast<int>(list->actions[index].access_level());
}

int pl_action_access_level(int* out, const char* action) {
  return guarded([&]() -> int {
    PL_REQUIRE_ARGUMENT(out);
    *out = -1;
    PL_REQUIRE_ARGUMENT(action);
    if (!is_utf8(action)) {
      return fail(PL_EUTF8, "argument 'action' is not valid UTF-8");
    }
    const auto found = catalog::find_action(action);
    if (!found) {
      return fail(PL_ENOTFOUND, fmt::format("'{}' is not an action in the IAM catalog {}", action,
                                            catalog::data_version()));
    }
    *out = static_cast<int>(found->access_level());
    return PL_OK;
  });
}

}  // extern "C"
