#include "catalog/regions.hpp"

#include <algorithm>
#include <array>

namespace policylint::catalog {
namespace {

// Taken from the partition data of the AWS SDKs (botocore 1.43.11,
// endpoints.json), which lists the Regions every SDK can call. The
// partition-wide pseudo-regions (aws-global and the like) are left out: no
// ARN or condition value names them.
constexpr std::array<std::string_view, 34> kAws = {
    "af-south-1",     "ap-east-1",      "ap-east-2",      "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
    "ap-south-1",     "ap-south-2",     "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
    "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1",   "ca-west-1",      "eu-central-1",
    "eu-central-2",   "eu-north-1",     "eu-south-1",     "eu-south-2",     "eu-west-1",      "eu-west-2",
    "eu-west-3",      "il-central-1",   "me-central-1",   "me-south-1",     "mx-central-1",   "sa-east-1",
    "us-east-1",      "us-east-2",      "us-west-1",      "us-west-2",
};
constexpr std::array<std::string_view, 2> kAwsCn = {"cn-north-1", "cn-northwest-1"};
constexpr std::array<std::string_view, 2> kAwsUsGov = {"us-gov-east-1", "us-gov-west-1"};
constexpr std::array<std::string_view, 2> kAwsIso = {"us-iso-east-1", "us-iso-west-1"};
constexpr std::array<std::string_view, 2> kAwsIsoB = {"us-isob-east-1", "us-isob-west-1"};
constexpr std::array<std::string_view, 1> kAwsIsoE = {"eu-isoe-west-1"};
constexpr std::array<std::string_view, 2> kAwsIsoF = {"us-isof-east-1", "us-isof-south-1"};
constexpr std::array<std::string_view, 1> kAwsEusc = {"eusc-de-east-1"};

constexpr std::array<PartitionRegions, 8> kPartitions = {{
    {"aws", kAws},
    {"aws-cn", kAwsCn},
    {"aws-us-gov", kAwsUsGov},
    {"aws-iso", kAwsIso},
    {"aws-iso-b", kAwsIsoB},
    {"aws-iso-e", kAwsIsoE},
    {"aws-iso-f", kAwsIsoF},
    {"aws-eusc", kAwsEusc},
}};

}  // namespace

std::span<const PartitionRegions> partition_regions() noexcept { return kPartitions; }

std::span<const std::string_view> regions_of(std::string_view partition) noexcept {
  for (const PartitionRegions& entry : kPartitions) {
    if (entry.partition == partition) {
      return entry.regions;
    }
  }
  return {};
}

bool is_known_region(std::string_view region) noexcept {
  return std::any_of(kPartitions.begin(), kPartitions.end(), [&](const PartitionRegions& entry) {
    return std::find(entry.regions.begin(), entry.regions.end(), region) != entry.regions.end();
  });
}

}  // namespace policylint::catalog
