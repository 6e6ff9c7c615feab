// `policylint check`: each check's PASS and FAIL exit statuses, its text and
// JSON output, and usage errors.
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_support.hpp"

using policylint::test::CliRun;
using policylint::test::run_policylint;
using policylint::test::TempDir;

namespace {

const std::string kOld = R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::logs/*",
   "Condition": {"StringEquals": {"aws:SourceVpc": "vpc-1a2b"}}}]})";
const std::string kNew = R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::logs/*"}]})";
const std::string kBucket = R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]})";

}  // namespace

TEST_CASE("check no-new-access: FAIL names the grant at NEW's line, PASS exits 0", "[cli][checks]") {
  TempDir dir;
  dir.write("old.json", kOld);
  dir.write("new.json", kNew);
  const CliRun fail = run_policylint(dir.path(), "check no-new-access old.json new.json");
  CHECK(fail.status == 1);
  CHECK(fail.out.find("new.json:2:3: new-access: NEW allows s3:DeleteObject on arn:aws:s3:::logs/* without "
                      "aws:SourceVpc = vpc-1a2b (OLD required it)") != std::string::npos);
  CHECK(run_policylint(dir.path(), "check no-new-access --policy-type identity new.json old.json").status == 0);
  const CliRun json = run_policylint(dir.path(), "check no-new-access --format json old.json new.json");
  const nlohmann::json out = nlohmann::json::parse(json.out);
  CHECK(out["result"] == "FAIL");
  CHECK(out["issues"][0]["line"] == 2);
  CHECK(out["issues"][0]["kind"] == "new-access");
}

TEST_CASE("check access-not-granted and no-public-access", "[cli][checks]") {
  TempDir dir;
  dir.write("new.json", kNew);
  dir.write("bucket.json", kBucket);
  CHECK(run_policylint(dir.path(), "check access-not-granted --action 's3:Delete*,iam:PassRole' new.json").status == 1);
  CHECK(
      run_policylint(dir.path(), "check access-not-granted --action s3:Delete* --resource arn:aws:s3:::data/x new.json")
          .status == 0);
  const CliRun pub = run_policylint(dir.path(), "check no-public-access --resource-type AWS::S3::Bucket bucket.json");
  CHECK(pub.status == 1);
  CHECK(pub.out.find("bucket.json:2:3: public-access: Principal \"*\"") != std::string::npos);
  CHECK(run_policylint(dir.path(), "check no-public-access --resource-type AWS::S3::Bucket new.json").status == 0);
}

TEST_CASE("check: usage and input errors exit 2", "[cli][checks]") {
  TempDir dir;
  dir.write("new.json", kNew);
  dir.write("bad.json", "{\"Statement\": [");
  CHECK(run_policylint(dir.path(), "check").status == 2);
  CHECK(run_policylint(dir.path(), "check no-such-check new.json").status == 2);
  CHECK(run_policylint(dir.path(), "check no-new-access new.json").status == 2);
  CHECK(run_policylint(dir.path(), "check access-not-granted new.json").status == 2);
  CHECK(run_policylint(dir.path(), "check no-public-access --resource-type AWS::Nope new.json").status == 2);
  CHECK(run_policylint(dir.path(), "check no-new-access --policy-type nope new.json new.json").status == 2);
  CHECK(run_policylint(dir.path(), "check no-new-access new.json missing.json").status == 2);
  const CliRun bad = run_policylint(dir.path(), "check no-new-access new.json bad.json");
  CHECK(bad.status == 2);
  CHECK(bad.err.find("bad.json:1:") != std::string::npos);
}
