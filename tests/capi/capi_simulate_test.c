/* The request evaluator through the C API: building and compiling a set,
 * deciding and explaining requests, errors, and one compiled set shared by
 * several threads. */
#include <policylint.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

static const char kIdentity[] =
    "{\"Version\": \"2012-10-17\", \"Statement\": ["
    "{\"Sid\": \"Own\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\","
    " \"Resource\": \"arn:aws:s3:::bucket/${aws:username}/*\"},"
    "{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\","
    " \"Condition\": {\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": \"secret\"}}}]}";

static const char kScp[] =
    "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}";

static const pl_policy_set *shared_set;

static int decide(const pl_policy_set *set, const char *resource, const char *tag_key) {
  const char *username[] = {"alice"};
  const char *tags[] = {"team", tag_key};
  pl_context_entry context[2];
  pl_request request = PL_REQUEST_INIT;
  int decision = -1;
  context[0].key = "aws:username";
  context[0].values = username;
  context[0].value_count = 1;
  context[0].multivalued = 0;
  context[1].key = "aws:TagKeys";
  context[1].values = tags;
  context[1].value_count = 2;
  context[1].multivalued = 1;
  request.action = "s3:GetObject";
  request.resource = resource;
  request.resource_account = "111122223333";
  request.principal = "arn:aws:iam::111122223333:user/alice";
  request.context = context;
  request.context_count = 2;
  if (pl_policy_set_decide(&decision, set, &request) != PL_OK) return -1;
  return decision;
}

static void *decide_many(void *argument) {
  int *wrong = (int *)argument;
  int round;
  for (round = 0; round < 500; ++round) {
    if (decide(shared_set, "arn:aws:s3:::bucket/alice/a", "env") != PL_DECISION_ALLOWED) ++*wrong;
    if (decide(shared_set, "arn:aws:s3:::bucket/bob/a", "env") != PL_DECISION_IMPLICITLY_DENIED) ++*wrong;
    if (decide(shared_set, "arn:aws:s3:::bucket/alice/a", "secret") != PL_DECISION_EXPLICITLY_DENIED) ++*wrong;
  }
  return NULL;
}

int main(void) {
  pl_policy_set_builder *builder = NULL;
  pl_policy_set *set = NULL;
  pl_evaluation *evaluation = NULL;
  pl_request request = PL_REQUEST_INIT;
  pthread_t threads[4];
  int wrong[4] = {0, 0, 0, 0};
  int decision = 0;
  int i;

  CHECK_OK(pl_policy_set_builder_new(&builder));
  CHECK_OK(pl_policy_set_builder_add(builder, PL_ROLE_IDENTITY, "alice.json", kIdentity, strlen(kIdentity)));
  CHECK_OK(pl_policy_set_builder_begin_level(builder, PL_ROLE_SCP, "root"));
  CHECK_OK(pl_policy_set_builder_add(builder, PL_ROLE_SCP, "root.json", kScp, strlen(kScp)));
  CHECK_FAILS(pl_policy_set_builder_add(builder, PL_ROLE_IDENTITY, "bad.json", "{\"Version\": ", 12), PL_EINVALID);
  CHECK(strstr(pl_last_error(), "bad.json:1:") == pl_last_error());
  CHECK_FAILS(pl_policy_set_builder_add(builder, 42, "x.json", kScp, strlen(kScp)), PL_EINVALID);
  CHECK_FAILS(pl_policy_set_builder_begin_level(builder, PL_ROLE_IDENTITY, NULL), PL_EINVALID);
  CHECK_OK(pl_policy_set_compile(&set, builder));
  pl_policy_set_builder_free(builder);

  CHECK(decide(set, "arn:aws:s3:::bucket/alice/a", "env") == PL_DECISION_ALLOWED);
  CHECK(decide(set, "arn:aws:s3:::bucket/bob/a", "env") == PL_DECISION_IMPLICITLY_DENIED);
  CHECK(decide(set, "arn:aws:s3:::bucket/alice/a", "secret") == PL_DECISION_EXPLICITLY_DENIED);
  CHECK_STR(pl_decision_name(PL_DECISION_EXPLICITLY_DENIED), "ExplicitlyDenied");
  CHECK(pl_decision_name(7) == NULL);

  /* Anonymous (no principal): no resource policy names it. */
  request.action = "s3:GetObject";
  request.resource = "arn:aws:s3:::bucket/alice/a";
  CHECK_OK(pl_policy_set_evaluate(&evaluation, set, &request));
  CHECK(pl_evaluation_decision(evaluation) == PL_DECISION_IMPLICITLY_DENIED);
  CHECK(pl_evaluation_reason(evaluation) != NULL && pl_evaluation_reason(evaluation)[0] != '\0');
  CHECK(strstr(pl_evaluation_json(evaluation), "\"decision\":\"ImplicitlyDenied\"") != NULL);
  pl_evaluation_free(evaluation);

  /* The explanation names the statement that decided. */
  request.principal = "arn:aws:iam::111122223333:user/alice";
  request.resource = "arn:aws:s3:::bucket/carol/a";
  CHECK_OK(pl_policy_set_evaluate(&evaluation, set, &request));
  CHECK(pl_evaluation_decision(evaluation) == PL_DECISION_IMPLICITLY_DENIED);
  CHECK(strstr(pl_evaluation_json(evaluation), "\"sid\":\"Own\"") != NULL);
  pl_evaluation_free(evaluation);

  /* Errors. */
  request.version = 99;
  CHECK_FAILS(pl_policy_set_decide(&decision, set, &request), PL_EOPTIONS);
  CHECK(decision == -1);
  request.version = PL_REQUEST_VERSION;
  request.action = NULL;
  CHECK_FAILS(pl_policy_set_decide(&decision, set, &request), PL_EINVALID);
  CHECK_FAILS(pl_policy_set_evaluate(&evaluation, NULL, &request), PL_EINVALID);
  CHECK(evaluation == NULL);
  CHECK(pl_evaluation_decision(NULL) == -1);
  CHECK(pl_evaluation_json(NULL) == NULL);
  pl_evaluation_free(NULL);
  pl_policy_set_free(NULL);
  pl_policy_set_builder_free(NULL);

  /* One compiled set, four threads. */
  shared_set = set;
  for (i = 0; i < 4; ++i) CHECK(pthread_create(&threads[i], NULL, decide_many, &wrong[i]) == 0);
  for (i = 0; i < 4; ++i) {
    pthread_join(threads[i], NULL);
    CHECK(wrong[i] == 0);
  }
  pl_policy_set_free(set);

  return check_report("capi_simulate_test");
}
