// Every global condition key of AWS's page "AWS global condition context keys"
// (tools/catalog/global_condition_keys.json) is in the catalog, with its type;
// the ArrayOf types are the multivalued keys.
#include <catch2/catch.hpp>
#include <string_view>

#include "policylint/catalog.hpp"

namespace catalog = policylint::catalog;
using Type = catalog::ConditionKeyType;

TEST_CASE("the catalog holds every global condition key with its type", "[catalog][global-keys]") {
  struct Key {
    std::string_view name;
    Type type;
  };
  const Key keys[] = {
      {"aws:AssumedRoot", Type::String},
      {"aws:CalledVia", Type::ArrayOfString},
      {"aws:CalledViaFirst", Type::String},
      {"aws:CalledViaLast", Type::String},
      {"aws:ChatbotSourceArn", Type::Arn},
      {"aws:CurrentTime", Type::Date},
      {"aws:Ec2InstanceSourcePrivateIPv4", Type::IpAddress},
      {"aws:Ec2InstanceSourceVpc", Type::String},
      {"aws:EpochTime", Type::Date},
      {"aws:FederatedProvider", Type::String},
      {"aws:MultiFactorAuthAge", Type::Numeric},
      {"aws:MultiFactorAuthPresent", Type::Bool},
      {"aws:PrincipalAccount", Type::String},
      {"aws:PrincipalArn", Type::Arn},
      {"aws:PrincipalIsAWSService", Type::Bool},
      {"aws:PrincipalOrgID", Type::String},
      {"aws:PrincipalOrgPaths", Type::ArrayOfString},
      {"aws:PrincipalServiceName", Type::String},
      {"aws:PrincipalServiceNamesList", Type::ArrayOfString},
      {"aws:PrincipalTag/${TagKey}", Type::String},
      {"aws:PrincipalType", Type::String},
      {"aws:referer", Type::String},
      {"aws:RequestedRegion", Type::String},
      {"aws:RequestTag/${TagKey}", Type::String},
      {"aws:ResourceAccount", Type::String},
      {"aws:ResourceOrgID", Type::String},
      {"aws:ResourceOrgPaths", Type::ArrayOfString},
      {"aws:ResourceTag/${TagKey}", Type::String},
      {"aws:SecureTransport", Type::Bool},
      {"aws:SourceAccount", Type::String},
      {"aws:SourceArn", Type::Arn},
      {"aws:SourceIdentity", Type::String},
      {"aws:SourceIp", Type::IpAddress},
      {"aws:SourceOrgID", Type::String},
      {"aws:SourceOrgPaths", Type::ArrayOfString},
      {"aws:SourceVpc", Type::String},
      {"aws:SourceVpcArn", Type::Arn},
      {"aws:SourceVpce", Type::String},
      {"aws:TagKeys", Type::ArrayOfString},
      {"aws:TokenIssueTime", Type::Date},
      {"aws:UserAgent", Type::String},
      {"aws:userid", Type::String},
      {"aws:username", Type::String},
      {"aws:ViaAWSService", Type::Bool},
      {"aws:VpceAccount", Type::String},
      {"aws:VpceOrgID", Type::String},
      {"aws:VpceOrgPaths", Type::ArrayOfString},
      {"aws:VpcSourceIp", Type::IpAddress},
  };
  CHECK(std::size(keys) == 48);
  for (const Key& key : keys) {
    INFO(key.name);
    const auto found = catalog::find_condition_key(key.name);
    REQUIRE(found);
    CHECK(found->type() == key.type);
  }
}

TEST_CASE("global keys of one value and of many are told apart", "[catalog][global-keys]") {
  for (const std::string_view multivalued :
       {"aws:CalledVia", "aws:PrincipalOrgPaths", "aws:PrincipalServiceNamesList", "aws:ResourceOrgPaths",
        "aws:SourceOrgPaths", "aws:TagKeys", "aws:VpceOrgPaths"}) {
    INFO(multivalued);
    CHECK(catalog::is_array(catalog::find_condition_key(multivalued)->type()));
  }
  for (const std::string_view single : {"aws:SourceOrgID", "aws:VpceOrgID", "aws:VpceAccount", "aws:AssumedRoot",
                                        "aws:ChatbotSourceArn", "aws:SourceVpcArn", "aws:ResourceOrgID"}) {
    INFO(single);
    CHECK_FALSE(catalog::is_array(catalog::find_condition_key(single)->type()));
  }
}
