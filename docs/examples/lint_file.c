#include <policylint.h>
#include <stdio.h>

int main(int argc, char **argv) {
  pl_analyzer *analyzer = NULL;
  pl_result *result = NULL;
  if (argc != 2 || pl_analyzer_new(&analyzer, NULL) != PL_OK || pl_lint_file(&result, analyzer, argv[1]) != PL_OK) {
    fprintf(stderr, "lint_file: %s\n", argc != 2 ? "usage: lint_file POLICY.json" : pl_last_error());
    pl_analyzer_free(analyzer);
    return 2;
  }
  for (size_t i = 0; i < pl_result_finding_count(result); ++i) {
    const pl_finding *f = pl_result_finding(result, i);
    printf("%s:%u:%u: %s [%s]\n", pl_finding_file(f), (unsigned)pl_finding_line(f), (unsigned)pl_finding_column(f),
           pl_finding_message(f), pl_finding_code(f));
  }
  const int failed = pl_result_failed(result);
  pl_result_free(result);
  pl_analyzer_free(analyzer);
  return failed;
}
