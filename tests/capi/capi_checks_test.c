/* The access checks through the C API: PASS and FAIL of each check, the
 * issue's sentence and line, the JSON, and errors. */
#include <policylint.h>

#include <stdio.h>
#include <string.h>

#include "check.h"

static const char kOld[] =
    "{\"Version\": \"2012-10-17\", \"Statement\": [\n"
    "{\"Effect\": \"Allow\", \"Action\": \"s3:DeleteObject\", \"Resource\": \"arn:aws:s3:::logs/*\","
    " \"Condition\": {\"StringEquals\": {\"aws:SourceVpc\": \"vpc-1a2b\"}}}]}";
static const char kNew[] =
    "{\"Version\": \"2012-10-17\", \"Statement\": [\n"
    "{\"Effect\": \"Allow\", \"Action\": \"s3:DeleteObject\", \"Resource\": \"arn:aws:s3:::logs/*\"}]}";
static const char kBucket[] =
    "{\"Version\": \"2012-10-17\", \"Statement\": [\n"
    "{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}]}";

int main(void) {
  pl_policy_text old_policy = {"old.json", kOld, sizeof kOld - 1};
  pl_policy_text new_policy = {"new.json", kNew, sizeof kNew - 1};
  pl_policy_text bucket = {"bucket.json", kBucket, sizeof kBucket - 1};
  pl_policy_text broken = {"broken.json", "{\"Statement\": [", 15};
  const char* actions[] = {"s3:Delete*"};
  const char* resources[] = {"arn:aws:s3:::data/x"};
  pl_check_result* result = NULL;

  CHECK_OK(pl_check_no_new_access(&result, &old_policy, &new_policy, "identity"));
  CHECK(pl_check_result_passed(result) == 0);
  CHECK(pl_check_result_issue_count(result) == 1);
  CHECK_STR(pl_check_result_issue_message(result, 0),
            "NEW allows s3:DeleteObject on arn:aws:s3:::logs/* without aws:SourceVpc = vpc-1a2b (OLD required it)");
  CHECK(pl_check_result_issue_line(result, 0) == 2);
  CHECK(pl_check_result_issue_message(result, 1) == NULL);
  CHECK(strstr(pl_check_result_json(result), "\"result\": \"FAIL\"") != NULL);
  pl_check_result_free(result);

  CHECK_OK(pl_check_no_new_access(&result, &new_policy, &old_policy, NULL));
  CHECK(pl_check_result_passed(result) == 1);
  pl_check_result_free(result);

  CHECK_OK(pl_check_access_not_granted(&result, &new_policy, 1, actions, 1, NULL, 0));
  CHECK(pl_check_result_passed(result) == 0);
  pl_check_result_free(result);
  CHECK_OK(pl_check_access_not_granted(&result, &new_policy, 1, actions, 1, resources, 1));
  CHECK(pl_check_result_passed(result) == 1);
  pl_check_result_free(result);

  CHECK_OK(pl_check_no_public_access(&result, &bucket, "AWS::S3::Bucket"));
  CHECK(pl_check_result_passed(result) == 0);
  CHECK(pl_check_result_issue_line(result, 0) == 2);
  pl_check_result_free(result);

  CHECK_FAILS(pl_check_no_new_access(&result, &old_policy, &new_policy, "nope"), PL_EOPTIONS);
  CHECK(result == NULL);
  CHECK_FAILS(pl_check_no_new_access(&result, &old_policy, &broken, NULL), PL_EINVALID);
  CHECK(strstr(pl_last_error(), "broken.json:1:") != NULL);
  CHECK_FAILS(pl_check_no_public_access(&result, &bucket, "AWS::Nope"), PL_EOPTIONS);
  CHECK_FAILS(pl_check_no_new_access(NULL, &old_policy, &new_policy, NULL), PL_EINVALID);
  CHECK_FAILS(pl_check_access_not_granted(&result, NULL, 1, actions, 1, NULL, 0), PL_EINVALID);
  CHECK(pl_check_result_passed(NULL) == -1);
  CHECK(pl_check_result_issue_count(NULL) == 0);
  CHECK(pl_check_result_json(NULL) == NULL);
  pl_check_result_free(NULL);

  return check_report("capi_checks_test");
}
