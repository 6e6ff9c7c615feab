#pragma once
// Which catalog resource types an ARN from a policy can name, and, when it
// can name none, which field is to blame. Resource types are found by the
// service written in their ARN template, which is not always the action's
// service (ssm actions act on ec2 instances).
#include <span>
#include <string_view>
#include <vector>

#include "analysis/arn.hpp"
#include "policylint/catalog.hpp"

namespace policylint::analysis {

/// Resource types whose ARN template names `service` (exactly, lower case) in
/// its service field; a template whose service field is a placeholder counts
/// for the service defining it.
std::span<const catalog::ResourceTypeView> resource_types_for_arn_service(std::string_view service);

/// Every service field written in some ARN template, sorted, for "did you mean".
std::span<const std::string_view> arn_services();

/// An ARN from a policy, read once to be tested against many resource types.
class ArnProbe {
 public:
  explicit ArnProbe(std::string_view text);

  /// catalog::arn_can_match, after a cheap test that rejects most pairs
  /// without building the matcher: the literal starts of the two resource
  /// parts ("instance/" and "vpc/") must agree.
  bool can_match(catalog::ResourceTypeView type) const;

 private:
  std::string_view text_;
  bool complete_;
  std::string_view literal_start_;  ///< of the resource part, when complete
};

/// How an ARN fits the catalog.
enum class ArnFit : unsigned char {
  fits,                 ///< some resource type of its service can match it (an
                        ///< AWS-owned resource may omit the account)
  not_checked,          ///< incomplete, or the service field is open or malformed
  unknown_service,      ///< no ARN template has this service field
  region_not_allowed,   ///< fits only without the region
  region_missing,       ///< fits only with a region
  account_not_allowed,  ///< fits only without the account
  no_resource_type,     ///< the resource part fits no resource type of the service
};

/// Judges `text` (split as `split`) against the resource types of its service.
ArnFit fit_arn(std::string_view text, const ArnSplit& split);

/// The resource types `text` can match: those of its service, or of every
/// service when the service field is open.
std::vector<catalog::ResourceTypeView> matching_resource_types(std::string_view text, const ArnSplit& split);

}  // namespace policylint::analysis
