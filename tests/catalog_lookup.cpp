// Name lookups and the view types.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <string>
#include <string_view>
#include <type_traits>

#include "policylint/catalog.hpp"

namespace catalog = policylint::catalog;

static_assert(std::is_trivially_copyable_v<catalog::ActionView>);
static_assert(std::is_trivially_copyable_v<catalog::ServiceView>);
static_assert(std::is_trivially_copyable_v<catalog::ResourceTypeView>);
static_assert(std::is_trivially_copyable_v<catalog::ConditionKeyView>);

TEST_CASE("services are found by prefix in any case", "[catalog][lookup]") {
  const auto s3 = catalog::find_service("S3");
  REQUIRE(s3);
  CHECK(s3->prefix() == "s3");
  CHECK(s3->name() == "Amazon S3");
  CHECK(s3->rcp_supported());
  CHECK_FALSE(catalog::find_service("s3x"));
  CHECK_FALSE(catalog::find_service(""));
  for (const catalog::ActionView action : s3->actions()) CHECK(action.service() == *s3);
}

TEST_CASE("actions are found by service:Action in any case", "[catalog][lookup]") {
  const auto action = catalog::find_action("EC2:describeinstances");
  REQUIRE(action);
  CHECK(action->name() == "ec2:DescribeInstances");
  CHECK(action->action_name() == "DescribeInstances");
  CHECK(action->service().prefix() == "ec2");
  CHECK_FALSE(action->description().empty());
  CHECK_FALSE(catalog::find_action("ec2"));
  CHECK_FALSE(catalog::find_action("ec2:"));
  CHECK_FALSE(catalog::find_action("ec2:DescribeInstance"));
  CHECK_FALSE(catalog::find_action("nosuch:DescribeInstances"));
}

TEST_CASE("every action is found by its name, upper- or lower-cased, and only by it", "[catalog][lookup]") {
  std::size_t found = 0;
  for (const catalog::ActionView action : catalog::actions()) {
    std::string upper(action.name());
    std::string lower(action.name());
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool all = catalog::find_action(action.name()) == action && catalog::find_action(upper) == action &&
                     catalog::find_action(lower) == action;
    found += all ? 1 : 0;
    // A name one character short or long is another name, or none.
    const auto shorter = catalog::find_action(action.name().substr(0, action.name().size() - 1));
    CHECK((!shorter || shorter->name().size() + 1 == action.name().size()));
    const auto longer = catalog::find_action(std::string(action.name()) + "_");
    CHECK_FALSE(longer);
  }
  CHECK(found == catalog::counts().actions);
  // Characters the hash folds together ('_' and DEL) are still told apart.
  CHECK_FALSE(catalog::find_action("s3:GetObject\x7f"));
  CHECK_FALSE(catalog::find_action("s3\x1aGetObject"));
}

TEST_CASE("an action lists its resource types and condition keys", "[catalog][lookup]") {
  const auto get_object = catalog::find_action("s3:GetObject");
  REQUIRE(get_object);
  CHECK(get_object->access_level() == catalog::AccessLevel::Read);
  std::vector<std::string_view> types;
  for (const catalog::ActionResourceView resource : get_object->resource_types()) {
    types.push_back(resource.resource_type().name());
    CHECK(resource.resource_type().service().prefix() == "s3");
  }
  CHECK(std::find(types.begin(), types.end(), "object") != types.end());

  const auto pass_role = catalog::find_action("iam:PassRole");
  REQUIRE(pass_role);
  std::vector<std::string_view> keys;
  for (const catalog::ConditionKeyView key : pass_role->condition_keys()) keys.push_back(key.name());
  CHECK(std::find(keys.begin(), keys.end(), "iam:PassedToService") != keys.end());
  CHECK(pass_role->dependent_actions().empty());
}

TEST_CASE("resource types carry their ARN template", "[catalog][lookup]") {
  const auto object = catalog::find_resource_type("s3", "OBJECT");
  REQUIRE(object);
  CHECK(object->arn_template() == "arn:${Partition}:s3:::${BucketName}/${ObjectName}");
  CHECK_FALSE(catalog::find_resource_type("s3", "nosuch"));
  CHECK_FALSE(catalog::find_resource_type("nosuch", "object"));
}

TEST_CASE("condition keys are found by name, patterned keys by use", "[catalog][lookup]") {
  auto check_key = [](std::string_view use, std::string_view canonical, catalog::ConditionKeyType type) {
    INFO("key: " << use);
    const auto key = catalog::find_condition_key(use);
    REQUIRE(key);
    CHECK(key->name() == canonical);
    CHECK(key->type() == type);
  };
  using T = catalog::ConditionKeyType;
  check_key("aws:RequestTag/Env", "aws:RequestTag/${TagKey}", T::String);
  check_key("AWS:REQUESTTAG/team/sub:x", "aws:RequestTag/${TagKey}", T::String);
  check_key("aws:RequestTag/${TagKey}", "aws:RequestTag/${TagKey}", T::String);
  check_key("s3:ExistingObjectTag/foo", "s3:ExistingObjectTag/<key>", T::String);
  check_key("aws:TagKeys", "aws:TagKeys", T::ArrayOfString);
  check_key("iam:PassedToService", "iam:PassedToService", T::String);
  // Global keys the package does not list, merged from global_condition_keys.json.
  check_key("aws:sourceip", "aws:SourceIp", T::IpAddress);
  check_key("aws:MultiFactorAuthPresent", "aws:MultiFactorAuthPresent", T::Bool);
  check_key("aws:PrincipalTag/Dept", "aws:PrincipalTag/${TagKey}", T::String);
  check_key("aws:CurrentTime", "aws:CurrentTime", T::Date);
  // The most specific pattern wins.
  check_key("events:Metadata/k/Matcher", "events:Metadata/${MetadataKey}/Matcher", T::String);
  check_key("events:Metadata/k", "events:Metadata/${MetadataKey}", T::ArrayOfString);
  // The service prefix is matched ignoring case; in the OIDC provider keys
  // the service part is itself a pattern.
  check_key("EVENTS:metadata/k", "events:Metadata/${MetadataKey}", T::ArrayOfString);
  check_key("token.actions.example.ghe.com:actor", "token.actions.${Domain}.ghe.com:actor", T::String);
  check_key("agent.x.buildkite.dev:pipeline_slug", "agent.${Domain}.buildkite.dev:pipeline_slug", T::String);
  CHECK_FALSE(catalog::find_condition_key("token.actions..ghe.com:actor"));
  CHECK_FALSE(catalog::find_condition_key("aws:RequestTag"));

  CHECK_FALSE(catalog::find_condition_key("aws:RequestTag/"));  // a placeholder is never empty
  CHECK_FALSE(catalog::find_condition_key("aws:NoSuchKey"));
  CHECK_FALSE(catalog::find_condition_key(""));
}

TEST_CASE("condition key types spell as AWS does", "[catalog][lookup]") {
  using T = catalog::ConditionKeyType;
  CHECK(catalog::to_string(T::Arn) == "ARN");
  CHECK(catalog::to_string(T::IpAddress) == "IPAddress");
  CHECK(catalog::to_string(T::ArrayOfBinary) == "ArrayOfBinary");
  CHECK(catalog::is_array(T::ArrayOfArn));
  CHECK_FALSE(catalog::is_array(T::Binary));
  CHECK(catalog::element_type(T::ArrayOfArn) == T::Arn);
  CHECK(catalog::element_type(T::Numeric) == T::Numeric);
}
