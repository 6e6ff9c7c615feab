// Integrity of the generated tables: ordering that the binary searches rely
// on, references that stay inside their tables and their service.
#include <catch2/catch.hpp>
#include <regex>
#include <string>
#include <string_view>

#include "catalog/catalog_tables.hpp"
#include "policylint/catalog.hpp"

namespace catalog = policylint::catalog;

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool plain_name(std::string_view s) {
  return !s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.:") ==
                           std::string_view::npos;
}

bool in_range(catalog::detail::Span span, std::size_t size) { return span.first + std::size_t{span.count} <= size; }

}  // namespace

TEST_CASE("services are sorted, unique and own contiguous runs of actions", "[catalog][tables]") {
  const auto& t = catalog::detail::kTables;
  std::uint32_t next_action = 0;
  std::uint32_t next_resource_type = 0;
  for (std::size_t i = 0; i < t.services.size(); ++i) {
    const catalog::ServiceView service(static_cast<std::uint32_t>(i));
    INFO("service " << service.prefix());
    CHECK(plain_name(service.prefix()));
    if (i > 0) CHECK(lower(catalog::ServiceView(static_cast<std::uint32_t>(i - 1)).prefix()) < lower(service.prefix()));
    CHECK(t.services[i].actions.first == next_action);
    CHECK(t.services[i].resource_types.first == next_resource_type);
    CHECK(t.services[i].actions.count > 0);
    next_action += t.services[i].actions.count;
    next_resource_type += t.services[i].resource_types.count;
  }
  CHECK(next_action == t.actions.size());
  CHECK(next_resource_type == t.resource_types.size());
}

TEST_CASE("actions are sorted within their service and reference valid rows", "[catalog][tables]") {
  const auto& t = catalog::detail::kTables;
  for (std::uint32_t i = 0; i < t.actions.size(); ++i) {
    const catalog::ActionView action(i);
    const auto& row = t.actions[i];
    INFO("action " << action.name());
    REQUIRE(row.service < t.services.size());
    CHECK(action.name().starts_with(std::string(action.service().prefix()) + ":"));
    CHECK(plain_name(action.name()));
    CHECK(row.access_level < catalog::kAccessLevelCount);
    if (i > 0 && t.actions[i - 1].service == row.service) {
      CHECK(lower(catalog::ActionView(i - 1).action_name()) < lower(action.action_name()));
    }
    REQUIRE(in_range(row.resources, t.action_resources.size()));
    REQUIRE(in_range(row.condition_keys, t.key_refs.size()));
    REQUIRE(in_range(row.dependent_actions, t.dependent_actions.size()));
    for (const catalog::ActionResourceView resource : action.resource_types()) {
      REQUIRE(resource.resource_type().index() < t.resource_types.size());
      CHECK(resource.resource_type().service() == action.service());  // a type of the action's own service
    }
  }
}

TEST_CASE("every referenced condition key exists and has a type", "[catalog][tables]") {
  const auto& t = catalog::detail::kTables;
  for (const std::uint32_t ref : t.key_refs) {
    REQUIRE(ref < t.condition_keys.size());
    CHECK(t.condition_keys[ref].type <= static_cast<std::uint8_t>(catalog::ConditionKeyType::ArrayOfBinary));
  }
  for (const auto& row : t.action_resources) REQUIRE(in_range(row.condition_keys, t.key_refs.size()));
  for (const auto& row : t.resource_types) REQUIRE(in_range(row.condition_keys, t.key_refs.size()));
}

TEST_CASE("condition keys are sorted and unique; patterned keys are listed", "[catalog][tables]") {
  const auto& t = catalog::detail::kTables;
  std::size_t patterned = 0;
  for (std::uint32_t i = 0; i < t.condition_keys.size(); ++i) {
    const catalog::ConditionKeyView key(i);
    INFO("key " << key.name());
    if (i > 0) CHECK(lower(catalog::ConditionKeyView(i - 1).name()) < lower(key.name()));
    CHECK(t.condition_keys[i].type <= static_cast<std::uint8_t>(catalog::ConditionKeyType::ArrayOfBinary));
    // A pattern is a name with a ${Placeholder} or <placeholder>.
    static const std::regex placeholder(R"(\$\{[^}]*\}|<[^>]*>)");
    CHECK(key.is_pattern() == std::regex_search(std::string(key.name()), placeholder));
    if (key.is_pattern()) ++patterned;
  }
  CHECK(patterned == t.patterned_keys.size());
  CHECK(std::is_sorted(t.patterned_keys.begin(), t.patterned_keys.end()));  // is_pattern searches it
}

TEST_CASE("resource types are sorted within their service", "[catalog][tables]") {
  const auto& t = catalog::detail::kTables;
  for (std::uint32_t i = 0; i < t.resource_types.size(); ++i) {
    const catalog::ResourceTypeView type(i);
    INFO("resource type " << type.service().prefix() << " " << type.name());
    CHECK(type.arn_template().starts_with("arn:${Partition}:"));
    if (i > 0 && t.resource_types[i - 1].service == t.resource_types[i].service) {
      CHECK(lower(catalog::ResourceTypeView(i - 1).name()) < lower(type.name()));
    }
    const auto& range = t.services[t.resource_types[i].service].resource_types;
    CHECK((i >= range.first && i < range.first + range.count));
  }
}
