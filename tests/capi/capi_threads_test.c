/* One analyzer used from several threads at once (policylint.h promises it
 * is safe): every thread must see exactly the findings a single thread sees,
 * and each thread keeps its own last-error message. */
#include <policylint.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

enum { kThreads = 4, kRounds = 40 };

static const char kPolicy[] =
    "{\"Version\": \"2012-10-17\", \"Statement\": ["
    "{\"Sid\": \"One\", \"Effect\": \"allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"},"
    "{\"Sid\": \"One\", \"Effect\": \"Allow\", \"Action\": \"iam:*\", \"Resource\": \"*\", \"Bogus\": 1}]}";

/* What one thread saw, compared with the reference afterwards. */
typedef struct outcome {
  size_t count;
  char first_code[16];
  char last_message[512];
  int mismatches;
  int errors;
  int error_isolated;
} outcome;

static const pl_analyzer *shared_analyzer;
static outcome reference;

static void lint_once(outcome *out) {
  pl_result *result = NULL;
  const pl_finding *first;
  if (pl_lint_buffer(&result, shared_analyzer, "threads.json", kPolicy, strlen(kPolicy)) != PL_OK) {
    ++out->errors;
    return;
  }
  out->count = pl_result_finding_count(result);
  first = pl_result_finding(result, 0);
  snprintf(out->first_code, sizeof out->first_code, "%s", first ? pl_finding_code(first) : "");
  first = pl_result_finding(result, out->count ? out->count - 1 : 0);
  snprintf(out->last_message, sizeof out->last_message, "%s", first ? pl_finding_message(first) : "");
  pl_result_free(result);
}

static void *worker(void *argument) {
  outcome *out = argument;
  int round;
  int level = 0;
  for (round = 0; round < kRounds; ++round) {
    lint_once(out);
    if (out->count != reference.count || strcmp(out->first_code, reference.first_code) != 0 ||
        strcmp(out->last_message, reference.last_message) != 0) {
      ++out->mismatches;
    }
  }
  /* An error on this thread does not show on others, and vice versa. */
  out->error_isolated = pl_action_access_level(&level, "nosuch:Action") == PL_ENOTFOUND &&
                        strstr(pl_last_error(), "nosuch:Action") != NULL;
  return NULL;
}

int main(void) {
  pl_analyzer *analyzer = NULL;
  pthread_t threads[kThreads];
  outcome outcomes[kThreads];
  int i;

  if (pl_analyzer_new(&analyzer, NULL) != PL_OK) {
    fprintf(stderr, "cannot create an analyzer: %s\n", pl_last_error());
    return 1;
  }
  shared_analyzer = analyzer;
  lint_once(&reference);
  CHECK(reference.errors == 0);
  CHECK(reference.count >= 3); /* invalid Effect, duplicate Sid, unknown element at least */

  memset(outcomes, 0, sizeof outcomes);
  for (i = 0; i < kThreads; ++i) {
    CHECK(pthread_create(&threads[i], NULL, worker, &outcomes[i]) == 0);
  }
  for (i = 0; i < kThreads; ++i) {
    CHECK(pthread_join(threads[i], NULL) == 0);
    CHECK(outcomes[i].errors == 0);
    CHECK(outcomes[i].mismatches == 0);
    CHECK(outcomes[i].error_isolated);
  }
  CHECK_STR(pl_last_error(), ""); /* the main thread's last call succeeded */

  pl_analyzer_free(analyzer);
  return check_report("capi_threads_test");
}
