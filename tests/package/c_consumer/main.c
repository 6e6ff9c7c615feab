/* A C program built against an installed policylint: lints a policy with an
 * invalid Effect and renders it as JSON. Exit 0 when everything works. */
#include <policylint.h>

#include <stdio.h>
#include <string.h>

static const char kPolicy[] =
    "{\"Version\": \"2012-10-17\", \"Statement\": "
    "[{\"Effect\": \"allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::reports/*\"}]}";

int main(void) {
  pl_analyzer *analyzer = NULL;
  pl_result *result = NULL;
  char *json = NULL;
  int ok = 0;
  if (pl_analyzer_new(&analyzer, NULL) == PL_OK &&
      pl_lint_buffer(&result, analyzer, "policy.json", kPolicy, strlen(kPolicy)) == PL_OK &&
      pl_render(&json, NULL, (const pl_result *const *)&result, 1, NULL) == PL_OK) {
    ok = strstr(json, "\"PL108\"") != NULL && pl_result_failed(result) == 1 &&
         strcmp(pl_version(), PL_VERSION_STRING) == 0;
  }
  printf("policylint %s (catalog %s): %s\n", pl_version(), pl_catalog_version(), ok ? "ok" : pl_last_error());
  pl_free(json);
  pl_result_free(result);
  pl_analyzer_free(analyzer);
  return ok ? 0 : 1;
}
