// ARN patterns against resource-type ARN templates.
#include <catch2/catch.hpp>
#include <string_view>

#include "policylint/catalog.hpp"

namespace catalog = policylint::catalog;

namespace {

bool can_match(std::string_view arn, std::string_view service, std::string_view type) {
  const auto resource_type = catalog::find_resource_type(service, type);
  REQUIRE(resource_type);
  return catalog::arn_can_match(arn, *resource_type);
}

}  // namespace

TEST_CASE("S3 buckets and objects are told apart", "[catalog][arn]") {
  CHECK(can_match("arn:aws:s3:::bucket/*", "s3", "object"));
  CHECK_FALSE(can_match("arn:aws:s3:::bucket/*", "s3", "bucket"));
  CHECK(can_match("arn:aws:s3:::bucket", "s3", "bucket"));
  CHECK_FALSE(can_match("arn:aws:s3:::bucket", "s3", "object"));
  CHECK(can_match("arn:aws:s3:::bucket/a/b/c.txt", "s3", "object"));
  CHECK(can_match("arn:aws:s3:::*", "s3", "bucket"));
  CHECK(can_match("arn:aws:s3:::*", "s3", "object"));
  CHECK(can_match("arn:aws:s3:::bucke?", "s3", "bucket"));
  CHECK(can_match("arn:aws:s3:::bucket/${aws:username}/*", "s3", "object"));
  CHECK_FALSE(can_match("arn:aws:s3:::", "s3", "bucket"));  // a bucket name is never empty
}

TEST_CASE("\"*\" can match every resource type", "[catalog][arn]") {
  for (const catalog::ResourceTypeView type : catalog::resource_types()) {
    INFO(type.arn_template());
    CHECK(catalog::arn_can_match("*", type));
  }
}

TEST_CASE("paths and names with separators", "[catalog][arn]") {
  CHECK(can_match("arn:aws:iam::123456789012:role/path/to/MyRole", "iam", "role"));
  CHECK_FALSE(can_match("arn:aws:iam::123456789012:role/MyRole", "iam", "user"));
  CHECK(can_match("arn:aws:iam::*:role/*", "iam", "role"));
  CHECK(can_match("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/x:*", "logs", "log-group"));
  CHECK(can_match("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/x:log-stream:s", "logs",
                  "log-stream"));
  CHECK(can_match("arn:aws:sqs:us-east-1:123456789012:queue", "sqs", "queue"));
  CHECK_FALSE(can_match("arn:aws:sqs:us-east-1:123456789012:a/b", "sqs", "queue"));
}

TEST_CASE("fields before the resource part", "[catalog][arn]") {
  CHECK(can_match("arn:aws:ec2:*:*:instance/*", "ec2", "instance"));
  CHECK(can_match("arn:aws-cn:ec2:cn-north-1:123456789012:instance/i-1", "ec2", "instance"));
  CHECK_FALSE(can_match("arn:aws:ec2:*:*:instance/*", "ec2", "volume"));
  CHECK_FALSE(can_match("arn:aws:ec2::123456789012:instance/i-1", "ec2", "instance"));  // region required
  CHECK_FALSE(can_match("arn:aws:s3:::bucket", "ec2", "instance"));
  CHECK_FALSE(can_match("arn:aws:EC2:us-east-1:123456789012:instance/i-1", "ec2", "instance"));
}
