// The Region table behind PL242 unknown-region: every partition IAM ARNs use,
// each Region shaped and prefixed as its partition's Regions are, so a Region
// added to the wrong array or misspelled fails here rather than in users' CI.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "analysis/arn.hpp"
#include "catalog/regions.hpp"

namespace catalog = policylint::catalog;

namespace {

// The name prefix every Region of a partition has; "" for the commercial one.
std::string_view prefix_of(std::string_view partition) {
  if (partition == "aws-cn") return "cn-";
  if (partition == "aws-us-gov") return "us-gov-";
  if (partition == "aws-iso") return "us-iso-";
  if (partition == "aws-iso-b") return "us-isob-";
  if (partition == "aws-iso-e") return "eu-isoe-";
  if (partition == "aws-iso-f") return "us-isof-";
  if (partition == "aws-eusc") return "eusc-";
  return "";
}

}  // namespace

TEST_CASE("the Region table covers every partition ARNs name", "[catalog][regions]") {
  for (const std::string_view partition :
       {"aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"}) {
    INFO(partition);
    CHECK(policylint::analysis::is_known_partition(partition));
    CHECK_FALSE(catalog::regions_of(partition).empty());
  }
  CHECK(catalog::regions_of("aws-moon").empty());
}

TEST_CASE("each Region is well formed, sorted, unique, and belongs to its partition", "[catalog][regions]") {
  for (const catalog::PartitionRegions& entry : catalog::partition_regions()) {
    INFO(entry.partition);
    CHECK(std::is_sorted(entry.regions.begin(), entry.regions.end()));
    CHECK(std::adjacent_find(entry.regions.begin(), entry.regions.end()) == entry.regions.end());
    const std::string_view prefix = prefix_of(entry.partition);
    for (const std::string_view region : entry.regions) {
      INFO(region);
      CHECK(policylint::analysis::is_region_shaped(region));
      if (!prefix.empty()) {
        CHECK(region.starts_with(prefix));
      } else {
        for (const std::string_view other : {"cn-", "us-gov-", "us-iso", "eu-isoe-", "eusc-"}) {
          CHECK_FALSE(region.starts_with(other));
        }
      }
    }
  }
}

TEST_CASE("known and unknown Regions", "[catalog][regions]") {
  CHECK(catalog::is_known_region("us-east-1"));
  CHECK(catalog::is_known_region("ap-southeast-7"));
  CHECK(catalog::is_known_region("mx-central-1"));
  CHECK(catalog::is_known_region("cn-northwest-1"));
  CHECK(catalog::is_known_region("eusc-de-east-1"));
  CHECK(catalog::regions_of("aws").size() == 34);
  CHECK_FALSE(catalog::is_known_region("us-east-3"));
  CHECK_FALSE(catalog::is_known_region("US-EAST-1"));
  CHECK_FALSE(catalog::is_known_region("aws-global"));
  CHECK_FALSE(catalog::is_known_region(""));
}
