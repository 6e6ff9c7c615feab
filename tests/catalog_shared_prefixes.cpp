// Prefixes that several services of the Service Authorization Reference share
// (tools/catalog/shared_prefixes.json): the catalog names every service of the
// prefix and gives each action the resource types of all of them.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "policylint/catalog.hpp"

namespace catalog = policylint::catalog;

namespace {

bool acts_on(std::string_view action_name, std::string_view type_name) {
  const auto action = catalog::find_action(action_name);
  REQUIRE(action);
  const auto types = action->resource_types();
  return std::any_of(types.begin(), types.end(), [&](catalog::ActionResourceView resource) {
    return resource.resource_type().name() == type_name;
  });
}

}  // namespace

TEST_CASE("every prefix several services share is named after all of them", "[catalog][shared-prefix]") {
  struct Shared {
    std::string_view prefix;
    std::string_view name;
  };
  const Shared shared[] = {
      {"apigateway", "Amazon API Gateway Management and Amazon API Gateway Management V2"},
      {"aws-marketplace",
       "AWS Marketplace, AWS Marketplace Catalog, AWS Marketplace Deployment Service, AWS Marketplace Entitlement "
       "Service, AWS Marketplace Metering Service and AWS Private Marketplace"},
      {"cloudformation", "AWS CloudFormation and AWS Cloud Control API"},
      {"elasticloadbalancing", "AWS Elastic Load Balancing and AWS Elastic Load Balancing V2"},
      {"greengrass", "AWS IoT Greengrass and AWS IoT Greengrass V2"},
      {"kinesisanalytics", "Amazon Kinesis Analytics and Amazon Kinesis Analytics V2"},
      {"lex", "Amazon Lex and Amazon Lex V2"},
      {"servicecatalog", "AWS Service Catalog and AWS Service Catalog AppRegistry"},
      {"ses", "Amazon SES, Amazon Simple Email Service v2, Amazon Pinpoint Email Service and Amazon SES Mail Manager"},
      {"sms-voice", "Amazon Pinpoint SMS and Voice Service and AWS End User Messaging SMS and Voice V2"},
  };
  for (const Shared& entry : shared) {
    INFO(entry.prefix);
    const auto service = catalog::find_service(entry.prefix);
    REQUIRE(service);
    CHECK(service->name() == entry.name);
  }
  // A prefix of one service keeps its one name.
  CHECK(catalog::find_service("s3")->name() == "Amazon S3");
}

TEST_CASE("an action both Elastic Load Balancing versions define acts on the types of both",
          "[catalog][shared-prefix]") {
  for (const std::string_view action : {"elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"}) {
    INFO(action);
    CHECK(acts_on(action, "loadbalancer"));  // Classic Load Balancer (v1)
    for (const std::string_view v2 :
         {"targetgroup", "listener/app", "listener/net", "listener/gwy", "listener-rule/app", "listener-rule/net",
          "loadbalancer/app/", "loadbalancer/net/", "loadbalancer/gwy/", "truststore"}) {
      CHECK(acts_on(action, v2));
    }
  }
  for (const std::string_view action :
       {"elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:DeleteLoadBalancer",
        "elasticloadbalancing:ModifyLoadBalancerAttributes"}) {
    INFO(action);
    CHECK(acts_on(action, "loadbalancer"));
    CHECK(acts_on(action, "loadbalancer/app/"));
    CHECK(acts_on(action, "loadbalancer/net/"));
  }
  // Merged from two services, no single type is required any more.
  const auto add_tags = catalog::find_action("elasticloadbalancing:AddTags");
  for (const catalog::ActionResourceView resource : add_tags->resource_types()) CHECK_FALSE(resource.required());
  // Actions of one version only keep their own types.
  CHECK(acts_on("elasticloadbalancing:RegisterTargets", "targetgroup"));
  CHECK_FALSE(acts_on("elasticloadbalancing:RegisterTargets", "loadbalancer"));
}

TEST_CASE("actions of other shared prefixes act on the types of every service", "[catalog][shared-prefix]") {
  CHECK(acts_on("apigateway:GET", "RestApi"));  // API Gateway (REST APIs)
  CHECK(acts_on("apigateway:GET", "Api"));      // API Gateway V2 (HTTP and WebSocket APIs)
  CHECK(acts_on("apigateway:POST", "Routes"));
  CHECK(acts_on("greengrass:TagResource", "group"));       // Greengrass V1
  CHECK(acts_on("greengrass:TagResource", "coreDevice"));  // Greengrass V2
  CHECK(acts_on("kinesisanalytics:CreateApplication", "application"));
  CHECK(acts_on("aws-marketplace:TagResource", "Entity"));
}
