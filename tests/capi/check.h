/* A minimal assertion helper for the C API tests: each failed check prints
 * where and what, and the program exits non-zero at the end. */
#ifndef POLICYLINT_CAPI_CHECK_H
#define POLICYLINT_CAPI_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures = 0;

#define CHECK(condition)                                                         \
  do {                                                                           \
    if (!(condition)) {                                                          \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
      ++check_failures;                                                          \
    }                                                                            \
  } while (0)

#define CHECK_STR(actual, expected)                                                              \
  do {                                                                                           \
    const char *check_actual_ = (actual);                                                        \
    if (check_actual_ == NULL || strcmp(check_actual_, (expected)) != 0) {                       \
      fprintf(stderr, "%s:%d: check failed: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, \
              #actual, check_actual_ ? check_actual_ : "(null)", (expected));                    \
      ++check_failures;                                                                          \
    }                                                                                            \
  } while (0)

/* A call must fail with `code` and leave a last-error message. */
#define CHECK_FAILS(call, code)                                                                       \
  do {                                                                                                \
    const int check_rc_ = (call);                                                                     \
    if (check_rc_ != (code) || pl_last_error()[0] == '\0') {                                         \
      fprintf(stderr, "%s:%d: check failed: %s returned %s (%s), expected %s\n", __FILE__, __LINE__, \
              #call, pl_error_name(check_rc_), pl_last_error(), #code);                              \
      ++check_failures;                                                                               \
    }                                                                                                 \
  } while (0)

#define CHECK_OK(call)                                                                               \
  do {                                                                                               \
    const int check_rc_ = (call);                                                                    \
    if (check_rc_ != PL_OK || pl_last_error()[0] != '\0') {                                         \
      fprintf(stderr, "%s:%d: check failed: %s returned %s: %s\n", __FILE__, __LINE__, #call,       \
              pl_error_name(check_rc_), pl_last_error());                                            \
      ++check_failures;                                                                              \
    }                                                                                                \
  } while (0)

static int check_report(const char *program) {
  if (check_failures != 0) {
    fprintf(stderr, "%s: %d check(s) failed\n", program, check_failures);
    return 1;
  }
  printf("%s: all checks passed\n", program);
  return 0;
}

#endif
