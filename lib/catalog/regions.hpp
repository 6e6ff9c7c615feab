#pragma once
// The AWS Regions of each partition, for telling a misspelled or invented
// Region ("us-east-3") from a real one. Static data, like the rest of the
// catalog; docs/catalog.md says where it comes from and how to update it.
#include <span>
#include <string_view>

namespace policylint::catalog {

/// One partition and the Regions it has.
struct PartitionRegions {
  std::string_view partition;  ///< "aws", "aws-cn", "aws-us-gov", "aws-iso", ...
  std::span<const std::string_view> regions;
};

/// Every partition with its Regions.
std::span<const PartitionRegions> partition_regions() noexcept;

/// The Regions of `partition`; empty for a partition the table does not hold.
std::span<const std::string_view> regions_of(std::string_view partition) noexcept;

/// True when some partition has the Region `region` (compared exactly: Region
/// names are lower case).
bool is_known_region(std::string_view region) noexcept;

}  // namespace policylint::catalog
