// ARN splitting and judging, as the validity rules and the effective-access
// model rely on them.
#include <catch2/catch.hpp>

#include "analysis/arn.hpp"
#include "analysis/arn_resource_types.hpp"

using namespace policylint::analysis;

TEST_CASE("split_arn keeps each field and where it starts", "[analysis][arn]") {
  const ArnSplit split = split_arn("arn:aws:lambda:us-east-1:111122223333:function:report:prod");
  REQUIRE(split.complete());
  CHECK(split.arn.partition.text == "aws");
  CHECK(split.arn.service.text == "lambda");
  CHECK(split.arn.region.text == "us-east-1");
  CHECK(split.arn.region.offset == 15);
  CHECK(split.arn.account.text == "111122223333");
  CHECK(split.arn.account.offset == 25);
  CHECK(split.arn.resource.text == "function:report:prod");
  CHECK(split.arn.resource.offset == 38);
}

TEST_CASE("split_arn does not split inside a policy variable", "[analysis][arn]") {
  const ArnSplit split = split_arn("arn:aws:sqs:us-east-1:${aws:PrincipalAccount}:jobs");
  REQUIRE(split.complete());
  CHECK(split.arn.account.text == "${aws:PrincipalAccount}");
  CHECK(split.arn.resource.text == "jobs");
}

TEST_CASE("split_arn counts the fields of a short text", "[analysis][arn]") {
  const ArnSplit split = split_arn("arn:aws:s3");
  CHECK(split.field_count == 3);
  CHECK_FALSE(split.complete());
  CHECK(split.arn.resource.text.empty());
  CHECK(split.arn.resource.offset == 10);
}

TEST_CASE("arn_problem names the first thing wrong with a Resource value", "[analysis][arn]") {
  const auto problem = [](std::string_view text) { return arn_problem(text, split_arn(text)); };
  CHECK(problem("*") == ArnProblem::none);
  CHECK(problem("arn:aws:s3:::bucket/*") == ArnProblem::none);
  CHECK(problem("arn:aws:s3:*") == ArnProblem::none);  // a trailing * stands for the missing fields
  CHECK(problem("s3:::bucket") == ArnProblem::not_arn);
  CHECK(problem("ARN:aws:s3:::bucket") == ArnProblem::not_arn);
  CHECK(problem("arn:aws:s3:bucket") == ArnProblem::missing_fields);
  CHECK(problem("arn:aws-mars:s3:::bucket") == ArnProblem::unknown_partition);
  CHECK(problem("arn:aws-iso-b:s3:::bucket") == ArnProblem::none);
  CHECK(problem("arn:aws::::x") == ArnProblem::empty_service);
  CHECK(problem("arn:aws:S3:::bucket") == ArnProblem::service_case);
  CHECK(problem("arn:aws:s*:::bucket") == ArnProblem::service_wildcard);
  CHECK(problem("arn:aws:s3:::") == ArnProblem::empty_resource);
}

TEST_CASE("region and account shapes", "[analysis][arn]") {
  CHECK(is_region_shaped("us-east-1"));
  CHECK(is_region_shaped("us-gov-west-1"));
  CHECK(is_region_shaped("us-isob-east-1"));
  CHECK_FALSE(is_region_shaped("us-east-1a"));
  CHECK_FALSE(is_region_shaped("useast1"));
  CHECK_FALSE(is_region_shaped("US-EAST-1"));
  CHECK(is_account_id("111122223333"));
  CHECK_FALSE(is_account_id("1111-2222-3333"));
  CHECK_FALSE(is_account_id("11112222333"));
  CHECK(is_open_field("*"));
  CHECK(is_open_field("${aws:PrincipalAccount}"));
  CHECK_FALSE(is_open_field("111122223333"));
}

TEST_CASE("fit_arn says which field keeps an ARN from every resource type", "[analysis][arn]") {
  const auto fit = [](std::string_view text) { return fit_arn(text, split_arn(text)); };
  CHECK(fit("arn:aws:iam::111122223333:role/app") == ArnFit::fits);
  CHECK(fit("arn:aws:iam:us-east-1:111122223333:role/app") == ArnFit::region_not_allowed);
  CHECK(fit("arn:aws:ec2::111122223333:instance/i-0abc") == ArnFit::region_missing);
  CHECK(fit("arn:aws:s3::111122223333:bucket/*") == ArnFit::account_not_allowed);
  CHECK(fit("arn:aws:lambda:us-east-1:111122223333:functions/report") == ArnFit::no_resource_type);
  CHECK(fit("arn:aws:iam::111122223333:Role/app") == ArnFit::no_resource_type);  // ARNs are case-sensitive
  CHECK(fit("arn:aws:iam::*:users/*") == ArnFit::no_resource_type);  // a * in the account stays in its field
  CHECK(fit("arn:aws:s4:::bucket") == ArnFit::unknown_service);
  // AWS-owned SSM documents have no account.
  CHECK(fit("arn:aws:ssm:us-east-1::document/AWS-RunShellScript") == ArnFit::fits);
  // Backup names recovery points of every service with a template of its own.
  CHECK(fit("arn:aws:backup:*:*:recovery-point:*") == ArnFit::fits);
  // Wildcard services and short ARNs are not judged.
  CHECK(fit("arn:aws:s*:::bucket") == ArnFit::not_checked);
  CHECK(fit("arn:aws:s3:*") == ArnFit::not_checked);
}

TEST_CASE("the ARN service index knows services by their ARN spelling", "[analysis][arn]") {
  CHECK_FALSE(resource_types_for_arn_service("s3").empty());
  CHECK(resource_types_for_arn_service("sqs-queue").empty());
  const auto services = arn_services();
  CHECK(std::is_sorted(services.begin(), services.end()));
  CHECK(std::binary_search(services.begin(), services.end(), "logs"));
}
