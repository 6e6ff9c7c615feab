/* Exercises the whole C API as a C11 program using only policylint.h:
 * linting good and bad documents, walking findings, rendering, the catalog,
 * and every error path. Run under valgrind and ASan by CTest.
 * Usage: capi_test DIRECTORY (a writable scratch directory). */
#include <policylint.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const char kGood[] =
    "{\n"
    "  \"Version\": \"2012-10-17\",\n"
    "  \"Statement\": [\n"
    "    {\n"
    "      \"Sid\": \"ReadReports\",\n"
    "      \"Effect\": \"Allow\",\n"
    "      \"Action\": \"s3:GetObject\",\n"
    "      \"Resource\": \"arn:aws:s3:::example-reports/2024/*\"\n"
    "    }\n"
    "  ]\n"
    "}\n";

/* Effect must be "Allow" or "Deny": PL108 invalid-effect, an error, at 6:17. */
static const char kBadEffect[] =
    "{\n"
    "  \"Version\": \"2012-10-17\",\n"
    "  \"Statement\": [\n"
    "    {\n"
    "      \"Sid\": \"ReadReports\",\n"
    "      \"Effect\": \"allow\",\n"
    "      \"Action\": \"s3:GetObject\",\n"
    "      \"Resource\": \"arn:aws:s3:::example-reports/2024/*\"\n"
    "    }\n"
    "  ]\n"
    "}\n";

static const pl_finding *find_code(const pl_result *result, const char *code) {
  for (size_t i = 0; i < pl_result_finding_count(result); ++i) {
    const pl_finding *finding = pl_result_finding(result, i);
    if (strcmp(pl_finding_code(finding), code) == 0) {
      return finding;
    }
  }
  return NULL;
}

static void test_version(void) {
  CHECK_STR(pl_version(), PL_VERSION_STRING);
  CHECK(pl_version_number() == PL_VERSION_NUMBER);
  CHECK(PL_VERSION_NUMBER == PL_VERSION_MAJOR * 10000 + PL_VERSION_MINOR * 100 + PL_VERSION_PATCH);
  CHECK(strlen(pl_catalog_version()) > 0);
  CHECK_STR(pl_severity_name(PL_SEVERITY_ERROR), "error");
  CHECK_STR(pl_severity_name(PL_SEVERITY_SUGGESTION), "suggestion");
  CHECK(pl_severity_name(4) == NULL);
  CHECK(pl_severity_name(-1) == NULL);
  CHECK_STR(pl_access_level_name(PL_ACCESS_PERMISSIONS_MANAGEMENT), "Permissions management");
  CHECK(pl_access_level_name(5) == NULL);
  CHECK_STR(pl_error_name(PL_EIO), "PL_EIO");
  CHECK_STR(pl_error_name(12345), "unknown");
}

static void test_good_document(const pl_analyzer *analyzer) {
  pl_result *result = NULL;
  CHECK_OK(pl_lint_buffer(&result, analyzer, "good.json", kGood, strlen(kGood)));
  CHECK(result != NULL);
  CHECK(pl_result_finding_count(result) == 0);
  CHECK(pl_result_failed(result) == 0);
  CHECK(pl_result_finding(result, 0) == NULL);
  CHECK_STR(pl_result_file(result), "good.json");
  CHECK_STR(pl_result_policy_type(result), "identity");
  pl_result_free(result);
}

static void test_bad_document(const pl_analyzer *analyzer) {
  pl_result *result = NULL;
  const pl_finding *finding;
  CHECK_OK(pl_lint_buffer(&result, analyzer, "policies/bad.json", kBadEffect, strlen(kBadEffect)));
  CHECK(pl_result_finding_count(result) >= 1);
  CHECK(pl_result_failed(result) == 1);
  finding = find_code(result, "PL108");
  CHECK(finding != NULL);
  if (finding != NULL) {
    CHECK_STR(pl_finding_name(finding), "invalid-effect");
    CHECK(pl_finding_severity(finding) == PL_SEVERITY_ERROR);
    CHECK_STR(pl_finding_category(finding), "syntax");
    CHECK(strstr(pl_finding_message(finding), "Allow") != NULL);
    CHECK_STR(pl_finding_file(finding), "policies/bad.json");
    CHECK(pl_finding_line(finding) == 6);
    CHECK(pl_finding_column(finding) == 17);
    CHECK(pl_finding_end_line(finding) == 6);
    CHECK(pl_finding_end_column(finding) == 24); /* "allow" with its quotes, end exclusive */
    CHECK(strncmp(kBadEffect + pl_finding_offset(finding), "\"allow\"",
                  pl_finding_end_offset(finding) - pl_finding_offset(finding)) == 0);
    CHECK(pl_finding_statement(finding) == 0);
    CHECK_STR(pl_finding_sid(finding), "ReadReports");
  }
  CHECK(pl_result_finding(result, pl_result_finding_count(result)) == NULL);
  pl_result_free(result);
}

static void test_not_json(const pl_analyzer *analyzer) {
  static const char kText[] = "{\"Version\": \"2012-10-17\", \"Statement\": [";
  pl_result *result = NULL;
  const pl_finding *finding;
  CHECK_OK(pl_lint_buffer(&result, analyzer, "broken.json", kText, strlen(kText)));
  finding = find_code(result, "PL001");
  CHECK(finding != NULL);
  CHECK(pl_finding_statement(finding) == -1);
  pl_result_free(result);

  /* An empty buffer, even with no data pointer, is a document too. */
  CHECK_OK(pl_lint_buffer(&result, analyzer, "empty.json", NULL, 0));
  CHECK(find_code(result, "PL001") != NULL);
  pl_result_free(result);
}

/* Invalid UTF-8 inside a document is a finding, and the reports stay valid. */
static void test_invalid_utf8_document(const pl_analyzer *analyzer) {
  static const char kText[] =
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"A\xff\", \"Effect\": \"Allow\", "
      "\"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::example-reports/*\"}]}";
  pl_result *result = NULL;
  char *json = NULL;
  CHECK_OK(pl_lint_buffer(&result, analyzer, "latin1.json", kText, strlen(kText)));
  CHECK(find_code(result, "PL002") != NULL);
  CHECK_OK(pl_render(&json, NULL, (const pl_result *const *)&result, 1, NULL));
  CHECK(json != NULL && strstr(json, "\"PL002\"") != NULL);
  pl_free(json);
  pl_result_free(result);
}

static void test_options(void) {
  const char *select[] = {"PL1"};
  const char *ignore[] = {"invalid-effect"};
  pl_options options = PL_OPTIONS_INIT;
  pl_analyzer *analyzer = NULL;
  pl_result *result = NULL;

  /* Ignoring the rule silences it; a higher fail_on does not fail on less. */
  options.select = select;
  options.select_count = 1;
  options.ignore = ignore;
  options.ignore_count = 1;
  options.policy_type = "identity";
  options.require_mfa = 1;
  CHECK_OK(pl_analyzer_new(&analyzer, &options));
  CHECK_OK(pl_lint_buffer(&result, analyzer, "bad.json", kBadEffect, strlen(kBadEffect)));
  CHECK(find_code(result, "PL108") == NULL);
  pl_result_free(result);
  pl_analyzer_free(analyzer);

  /* The policy type is applied as given, not detected. */
  options = (pl_options)PL_OPTIONS_INIT;
  options.policy_type = "SCP";
  options.fail_on = PL_SEVERITY_ERROR;
  CHECK_OK(pl_analyzer_new(&analyzer, &options));
  CHECK_OK(pl_lint_buffer(&result, analyzer, "bad.json", kBadEffect, strlen(kBadEffect)));
  CHECK_STR(pl_result_policy_type(result), "scp");
  CHECK(pl_result_failed(result) == 1);
  pl_result_free(result);
  pl_analyzer_free(analyzer);

  /* A suggestion-level threshold still passes a clean document. */
  options = (pl_options)PL_OPTIONS_INIT;
  options.fail_on = PL_SEVERITY_SUGGESTION;
  CHECK_OK(pl_analyzer_new(&analyzer, &options));
  CHECK_OK(pl_lint_buffer(&result, analyzer, "good.json", kGood, strlen(kGood)));
  CHECK(pl_result_failed(result) == 0);
  pl_result_free(result);
  pl_analyzer_free(analyzer);
}

static void test_invalid_options(void) {
  const char *unknown[] = {"PL9999"};
  const char *key_selector[] = {"AKIAQ7XZ3M5N2P4R6T7V"};
  const char *null_item[] = {NULL};
  const char *not_utf8[] = {"PL\xc3"};
  const char *empty[] = {""};
  pl_analyzer *analyzer = (pl_analyzer *)&analyzer; /* must be reset to NULL on failure */
  pl_options options = PL_OPTIONS_INIT;

  options.version = 0;
  CHECK_FAILS(pl_analyzer_new(&analyzer, &options), PL_EOPTIONS);
  CHECK(analyzer == NULL);
  options.version = PL_OPTIONS_VERSION + 1;
  CHECK_FAILS(pl_analyzer_new(&analyzer, &options), PL_EOPTIONS);

  options = (pl_options)PL_OPTIONS_INIT;
  options.policy_type = "bucket";
  CHECK_FAILS(pl_analyzer_new(&analyzer, &options), PL_EOPTIONS);
  CHECK(strstr(pl_last_error(), "bucket") != NULL);
  options.policy_type = "trust\xff";
  CHECK_FAILS(pl_analyzer_new(&analyzer, &options), PL_EUTF8);

  options = (pl_options)PL_OPTIONS_INIT;
  options.select = unknown;
  options.select_count = 1;
  CHECK_FAILS(pl_analyzer_new(&analyzer, &options), PL_EOPTIONS);
  CHECK(strstr(pl_last_error(), "PL9999") != NULL);
  /* The message quotes the selector, masked as every report masks an AWS key. */
  options.select = key_selector;
  CHECK_FAILS(pl_analyzer_new(&analyzer, &options), PL_EOPTIONS);
  CHECK(strstr(pl_last_error(), "AKIA************6T7V") != NULL);
  CHECK(strstr(pl_last_error(), "AKIAQ7XZ3M5N2P4R6T7V") == NULL);
  options.select = NULL;
  CHECK_FAILS(pl_analyzer_new(&analyzer, &options), PL_EINVALID);
  options.select = null_item;
  CHECK_FAILS(pl_analyzer_new(&analyzer, &options), PL_EINVALID);
  options.select = not_utf8;
  CHECK_FAILS(pl_analyzer_new(&analyzer, &options), PL_EUTF8);
  /* An empty selector names no rule: refused, as by --select '' and the configuration. */
  options.select = empty;
  CHECK_FAILS(pl_analyzer_new(&analyzer, &options), PL_EOPTIONS);

  options = (pl_options)PL_OPTIONS_INIT;
  options.ignore = unknown;
  options.ignore_count = 1;
  CHECK_FAILS(pl_analyzer_new(&analyzer, &options), PL_EOPTIONS);

  options = (pl_options)PL_OPTIONS_INIT;
  options.fail_on = 7;
  CHECK_FAILS(pl_analyzer_new(&analyzer, &options), PL_EOPTIONS);
  options.fail_on = -1;
  CHECK_FAILS(pl_analyzer_new(&analyzer, &options), PL_EOPTIONS);
  CHECK(analyzer == NULL);

  /* A success clears the previous error. */
  CHECK_OK(pl_analyzer_new(&analyzer, NULL));
  CHECK_STR(pl_last_error(), "");
  pl_analyzer_free(analyzer);
}

static void test_null_arguments(const pl_analyzer *analyzer) {
  pl_result *result = NULL;
  pl_action_list *list = NULL;
  char *text = NULL;
  int level = 0;
  const pl_result *none[] = {NULL};

  CHECK_FAILS(pl_analyzer_new(NULL, NULL), PL_EINVALID);
  CHECK_FAILS(pl_lint_buffer(NULL, analyzer, "a.json", kGood, strlen(kGood)), PL_EINVALID);
  CHECK_FAILS(pl_lint_buffer(&result, NULL, "a.json", kGood, strlen(kGood)), PL_EINVALID);
  CHECK(strstr(pl_last_error(), "analyzer") != NULL);
  CHECK_FAILS(pl_lint_buffer(&result, analyzer, NULL, kGood, strlen(kGood)), PL_EINVALID);
  CHECK_FAILS(pl_lint_buffer(&result, analyzer, "a.json", NULL, 3), PL_EINVALID);
  CHECK_FAILS(pl_lint_buffer(&result, analyzer, "a\xc0.json", kGood, strlen(kGood)), PL_EUTF8);
  CHECK(result == NULL);
  CHECK_FAILS(pl_lint_file(NULL, analyzer, "a.json"), PL_EINVALID);
  CHECK_FAILS(pl_lint_file(&result, NULL, "a.json"), PL_EINVALID);
  CHECK_FAILS(pl_lint_file(&result, analyzer, NULL), PL_EINVALID);
  CHECK_FAILS(pl_render(NULL, NULL, NULL, 0, NULL), PL_EINVALID);
  CHECK_FAILS(pl_render(&text, NULL, NULL, 2, NULL), PL_EINVALID);
  CHECK_FAILS(pl_render(&text, NULL, none, 1, NULL), PL_EINVALID);
  CHECK(text == NULL);
  CHECK_FAILS(pl_expand_action(NULL, "s3:Get*"), PL_EINVALID);
  CHECK_FAILS(pl_expand_action(&list, NULL), PL_EINVALID);
  CHECK_FAILS(pl_expand_action(&list, "s3:Get\xe2\x82"), PL_EUTF8);
  CHECK(list == NULL);
  CHECK_FAILS(pl_action_access_level(NULL, "s3:GetObject"), PL_EINVALID);
  CHECK_FAILS(pl_action_access_level(&level, NULL), PL_EINVALID);
  CHECK(level == -1);

  /* Accessors and free functions accept NULL. */
  CHECK(pl_result_finding_count(NULL) == 0);
  CHECK(pl_result_finding(NULL, 0) == NULL);
  CHECK(pl_result_file(NULL) == NULL);
  CHECK(pl_result_policy_type(NULL) == NULL);
  CHECK(pl_result_failed(NULL) == 0);
  CHECK(pl_finding_code(NULL) == NULL);
  CHECK(pl_finding_message(NULL) == NULL);
  CHECK(pl_finding_severity(NULL) == -1);
  CHECK(pl_finding_statement(NULL) == -1);
  CHECK(pl_finding_line(NULL) == 0);
  CHECK(pl_action_list_count(NULL) == 0);
  CHECK(pl_action_list_name(NULL, 0) == NULL);
  CHECK(pl_action_list_access_level(NULL, 0) == -1);
  pl_analyzer_free(NULL);
  pl_result_free(NULL);
  pl_action_list_free(NULL);
  pl_free(NULL);
}

static int write_file(const char *path, const char *text) {
  FILE *file = fopen(path, "wb");
  if (file == NULL) {
    return 0;
  }
  fputs(text, file);
  return fclose(file) == 0;
}

static void test_files(const pl_analyzer *analyzer, const char *directory) {
  char path[4096];
  pl_result *result = (pl_result *)&result;
  snprintf(path, sizeof path, "%s/bad.json", directory);
  CHECK(write_file(path, kBadEffect));
  CHECK_OK(pl_lint_file(&result, analyzer, path));
  CHECK(find_code(result, "PL108") != NULL);
  CHECK_STR(pl_result_file(result), path);
  CHECK_STR(pl_finding_file(find_code(result, "PL108")), path);
  pl_result_free(result);

  snprintf(path, sizeof path, "%s/does-not-exist.json", directory);
  CHECK_FAILS(pl_lint_file(&result, analyzer, path), PL_EIO);
  CHECK(result == NULL);
  CHECK(strstr(pl_last_error(), "does-not-exist.json") != NULL);
  CHECK_FAILS(pl_lint_file(&result, analyzer, directory), PL_EIO); /* a directory opens but does not read */
  CHECK_FAILS(pl_lint_file(&result, analyzer, "bad\xff.json"), PL_EUTF8);
}

static void test_render(const pl_analyzer *analyzer) {
  pl_result *results[2] = {NULL, NULL};
  pl_render_options options = PL_RENDER_OPTIONS_INIT;
  char *text = NULL;
  size_t size = 0;

  CHECK_OK(pl_lint_buffer(&results[0], analyzer, "good.json", kGood, strlen(kGood)));
  CHECK_OK(pl_lint_buffer(&results[1], analyzer, "bad.json", kBadEffect, strlen(kBadEffect)));

  CHECK_OK(pl_render(&text, &size, (const pl_result *const *)results, 2, NULL));
  CHECK(text != NULL && size == strlen(text));
  CHECK(text != NULL && strstr(text, "\"code\": \"PL108\"") != NULL);
  CHECK(text != NULL && strstr(text, "\"files\": 2") != NULL);
  pl_free(text);

  options.format = PL_FORMAT_SARIF;
  options.source_root = "/work";
  CHECK_OK(pl_render(&text, &size, (const pl_result *const *)&results[1], 1, &options));
  CHECK(text != NULL && strstr(text, "\"version\": \"2.1.0\"") != NULL);
  CHECK(text != NULL && strstr(text, "\"ruleId\": \"PL108\"") != NULL);
  CHECK(text != NULL && strstr(text, "\"startLine\": 6") != NULL);
  pl_free(text);

  /* An empty source root is the current directory, as NULL. */
  options.source_root = "";
  CHECK_OK(pl_render(&text, &size, (const pl_result *const *)&results[1], 1, &options));
  CHECK(text != NULL && strstr(text, "\"%SRCROOT%\"") != NULL);
  CHECK(text != NULL && strstr(text, "\"ruleId\": \"PL108\"") != NULL);
  pl_free(text);

  options.format = PL_FORMAT_TEXT;
  CHECK_OK(pl_render(&text, NULL, (const pl_result *const *)&results[1], 1, &options));
  CHECK(text != NULL && strstr(text, "bad.json:6:17: error:") != NULL);
  pl_free(text);

  /* No results: an empty, still well-formed report. */
  CHECK_OK(pl_render(&text, &size, NULL, 0, NULL));
  CHECK(text != NULL && strstr(text, "\"findings\": []") != NULL);
  pl_free(text);

  options.format = 3;
  CHECK_FAILS(pl_render(&text, &size, (const pl_result *const *)results, 2, &options), PL_EOPTIONS);
  CHECK(text == NULL && size == 0);
  options = (pl_render_options)PL_RENDER_OPTIONS_INIT;
  options.version = 99;
  CHECK_FAILS(pl_render(&text, &size, (const pl_result *const *)results, 2, &options), PL_EOPTIONS);
  options = (pl_render_options)PL_RENDER_OPTIONS_INIT;
  options.format = PL_FORMAT_SARIF;
  options.source_root = "/w\xfe";
  CHECK_FAILS(pl_render(&text, &size, (const pl_result *const *)results, 2, &options), PL_EUTF8);

  pl_result_free(results[0]);
  pl_result_free(results[1]);
}

static void test_catalog(void) {
  pl_action_list *list = NULL;
  int level = -1;
  size_t i;
  int saw_get_object = 0;

  CHECK_OK(pl_expand_action(&list, "s3:GetObject*"));
  CHECK(pl_action_list_count(list) >= 2);
  for (i = 0; i < pl_action_list_count(list); ++i) {
    const char *name = pl_action_list_name(list, i);
    CHECK(strncmp(name, "s3:GetObject", 12) == 0);
    CHECK(pl_action_list_access_level(list, i) >= PL_ACCESS_LIST);
    if (strcmp(name, "s3:GetObject") == 0) {
      saw_get_object = 1;
      CHECK(pl_action_list_access_level(list, i) == PL_ACCESS_READ);
    }
  }
  CHECK(saw_get_object);
  CHECK(pl_action_list_name(list, pl_action_list_count(list)) == NULL);
  CHECK(pl_action_list_access_level(list, pl_action_list_count(list)) == -1);
  pl_action_list_free(list);

  /* Case-insensitive, `?` matches one character, an unknown service matches nothing. */
  CHECK_OK(pl_expand_action(&list, "IAM:CreateUse?"));
  CHECK(pl_action_list_count(list) == 1);
  CHECK_STR(pl_action_list_name(list, 0), "iam:CreateUser");
  pl_action_list_free(list);
  CHECK_OK(pl_expand_action(&list, "nosuchservice:*"));
  CHECK(pl_action_list_count(list) == 0);
  pl_action_list_free(list);

  CHECK_OK(pl_action_access_level(&level, "IAM:putrolepolicy"));
  CHECK(level == PL_ACCESS_PERMISSIONS_MANAGEMENT);
  CHECK_OK(pl_action_access_level(&level, "s3:ListBucket"));
  CHECK(level == PL_ACCESS_LIST);
  CHECK_FAILS(pl_action_access_level(&level, "s3:GetObjects"), PL_ENOTFOUND);
  CHECK(level == -1);
  CHECK_FAILS(pl_action_access_level(&level, "s3:Get*"), PL_ENOTFOUND);
}

/* Version 2 options: severity overrides, rule options, the legacy SCP
 * grammar and the as-of day; pl_lint_set judges SCPs as one set. */
static void test_options_v2_and_sets(void) {
  static const char kTrail[] =
      "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Deny\", \"Action\": \"cloudtrail:*\", "
      "\"Resource\": \"*\"}}";
  static const char kRoot[] =
      "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\", "
      "\"Condition\": {\"ArnLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::*:root\"}}}}";
  const char *overrides[] = {"PL423", "error", "invalid-effect", "suggestion"};
  const char *rule_options[] = {"trusted-accounts=111122223333"};
  pl_options options = PL_OPTIONS_INIT;
  pl_analyzer *analyzer = NULL;
  pl_result *results[2] = {NULL, NULL};
  pl_input inputs[2];
  const pl_finding *guardrail;
  size_t i;
  int related_to_second = 0;

  CHECK(options.version == 2);
  options.policy_type = "scp";
  options.severity_overrides = overrides;
  options.severity_override_count = 2;
  options.rule_options = rule_options;
  options.rule_option_count = 1;
  options.legacy_scp = 1;
  options.as_of = "2026-01-15";
  CHECK(pl_analyzer_new(&analyzer, &options) == PL_OK);
  inputs[0].display_name = "trail.json";
  inputs[0].data = kTrail;
  inputs[0].size = strlen(kTrail);
  inputs[1].display_name = "root.json";
  inputs[1].data = kRoot;
  inputs[1].size = strlen(kRoot);
  CHECK(pl_lint_set(results, analyzer, inputs, 2) == PL_OK);
  CHECK_STR(pl_result_file(results[0]), "trail.json");
  CHECK_STR(pl_result_file(results[1]), "root.json");
  guardrail = find_code(results[0], "PL423");
  CHECK(guardrail != NULL);
  CHECK(find_code(results[1], "PL423") == NULL); /* once per set, with the first SCP */
  if (guardrail != NULL) {
    CHECK(pl_finding_severity(guardrail) == PL_SEVERITY_ERROR); /* the override */
    CHECK(pl_finding_related_count(guardrail) == 1);
    CHECK_STR(pl_finding_related_file(guardrail, 0), "root.json");
    CHECK(pl_finding_related_line(guardrail, 0) == 1);
    CHECK(pl_finding_related_message(guardrail, 0) != NULL);
    CHECK(pl_finding_related_file(guardrail, 1) == NULL);
  }
  for (i = 0; i < pl_result_finding_count(results[0]); ++i) {
    const pl_finding *finding = pl_result_finding(results[0], i);
    CHECK(strcmp(pl_finding_code(finding), "PL423") != 0 || strstr(pl_finding_message(finding), "protect-cloudtrail") == NULL);
    related_to_second += pl_finding_related_count(finding) > 0;
  }
  CHECK(related_to_second > 0);
  pl_result_free(results[0]);
  pl_result_free(results[1]);
  pl_analyzer_free(analyzer);

  options.as_of = "15/01/2026";
  CHECK_FAILS(pl_analyzer_new(&analyzer, &options), PL_EOPTIONS);
  options.as_of = NULL;
  overrides[1] = "fatal";
  CHECK_FAILS(pl_analyzer_new(&analyzer, &options), PL_EOPTIONS);
  overrides[1] = "error";
  rule_options[0] = "no-such-option=1";
  CHECK_FAILS(pl_analyzer_new(&analyzer, &options), PL_EOPTIONS);
}

int main(int argc, char **argv) {
  pl_analyzer *analyzer = NULL;
  if (argc != 2) {
    fprintf(stderr, "usage: %s SCRATCH_DIRECTORY\n", argv[0]);
    return 2;
  }
  test_version();
  if (pl_analyzer_new(&analyzer, NULL) != PL_OK) {
    fprintf(stderr, "cannot create an analyzer: %s\n", pl_last_error());
    return 1;
  }
  test_good_document(analyzer);
  test_bad_document(analyzer);
  test_not_json(analyzer);
  test_invalid_utf8_document(analyzer);
  test_options();
  test_invalid_options();
  test_options_v2_and_sets();
  test_null_arguments(analyzer);
  test_files(analyzer, argv[1]);
  test_render(analyzer);
  test_catalog();
  pl_analyzer_free(analyzer);
  return check_report("capi_test");
}
