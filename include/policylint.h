/*
 * policylint's C API: lint AWS IAM policy documents from C or through any
 * foreign-function interface (cgo, ctypes, JNI ...). C11 and C++ clean.
 *
 * Conventions
 *   - Every name starts with `pl_` (types, functions) or `PL_` (macros,
 *     constants).
 *   - Handles are opaque. Each `pl_X_new`/`pl_lint_*` that creates one is
 *     paired with a `pl_X_free`, and every free function accepts NULL.
 *   - Functions that can fail return an `int`: PL_OK (0) on success or one of
 *     the negative PL_E* codes below. On failure `pl_last_error()` describes
 *     what went wrong; output parameters are then set to NULL/0.
 *   - Output parameters come first.
 *   - Strings passed in are NUL-terminated UTF-8 unless a length is given.
 *     Strings handed out are NUL-terminated UTF-8 and borrowed: each function
 *     says how long they live. Never free them, except the buffers of
 *     pl_render(), which the caller frees with pl_free().
 *   - No C++ exception ever leaves a pl_ function; an out-of-memory condition
 *     is reported as PL_ENOMEM.
 *
 * Thread safety
 *   An analyzer is immutable once created: one analyzer may be used from many
 *   threads at once. A result is immutable too and may be read from many
 *   threads; free it once, when no thread uses it any more. The last-error
 *   message is per thread.
 *
 * Compatibility
 *   Functions and constants are only ever added. Option structs start with a
 *   `version` field and only grow at their end: initialise them with their
 *   _INIT macro so that a program built against these headers keeps working
 *   with a newer library.
 */
#ifndef POLICYLINT_H
#define POLICYLINT_H

#include <stddef.h>
#include <stdint.h>

#include "policylint/export.hpp" /* POLICYLINT_API: plain preprocessor, C clean */

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ version */

/* The version of these headers. pl_version() gives the library's, which may
 * differ when linked dynamically. Kept equal to include/policylint/version.hpp
 * (checked when the library is compiled). */
#define PL_VERSION_MAJOR 0
#define PL_VERSION_MINOR 1
#define PL_VERSION_PATCH 0
#define PL_VERSION_STRING "0.1.0"
/* MAJOR * 10000 + MINOR * 100 + PATCH, e.g. 10203 for 1.2.3. */
#define PL_VERSION_NUMBER (PL_VERSION_MAJOR * 10000 + PL_VERSION_MINOR * 100 + PL_VERSION_PATCH)

/* The library's version, e.g. "0.1.0". Static storage. */
POLICYLINT_API const char *pl_version(void);
/* The library's version as PL_VERSION_NUMBER computes it. */
POLICYLINT_API int pl_version_number(void);
/* Version of the compiled-in IAM catalog data, e.g. "0.21.202609261".
 * Static storage. */
POLICYLINT_API const char *pl_catalog_version(void);

/* ------------------------------------------------------------------- errors */

enum {
  PL_OK = 0,
  PL_EINVALID = -1,     /* a required argument is NULL, or arguments contradict each other */
  PL_EOPTIONS = -2,     /* the options are invalid: unknown version, policy type, rule selector or severity */
  PL_EIO = -3,          /* a file cannot be read */
  PL_EUTF8 = -4,        /* a string argument is not valid UTF-8 */
  PL_ENOTFOUND = -5,    /* the action is not in the catalog */
  PL_ENOMEM = -6,       /* out of memory */
  PL_EINTERNAL = -7     /* a bug in policylint: please report it with the message */
};

/* What the most recent failing pl_ call on this thread went wrong with, or ""
 * when the most recent call that returns an error code succeeded. Never NULL.
 * Valid until the next pl_ call on the same thread. */
POLICYLINT_API const char *pl_last_error(void);

/* A short constant name for an error code: "PL_EIO", ...; "unknown" for
 * others. Static storage. */
POLICYLINT_API const char *pl_error_name(int code);

/* ------------------------------------------------------------------- enums */

/* How bad a finding is. Ordered: a higher value is more severe. */
typedef enum pl_severity {
  PL_SEVERITY_SUGGESTION = 0, /* style and tidiness */
  PL_SEVERITY_WARNING = 1,    /* a likely mistake or a least-privilege gap */
  PL_SEVERITY_SECURITY = 2,   /* an exploitable risk */
  PL_SEVERITY_ERROR = 3       /* AWS rejects it, or it can never work */
} pl_severity;

/* "suggestion", "warning", "security", "error"; NULL for other values.
 * Static storage. */
POLICYLINT_API const char *pl_severity_name(int severity);

/* An action's access level, as in the AWS Service Authorization Reference. */
typedef enum pl_access_level {
  PL_ACCESS_LIST = 0,
  PL_ACCESS_READ = 1,
  PL_ACCESS_WRITE = 2,
  PL_ACCESS_PERMISSIONS_MANAGEMENT = 3,
  PL_ACCESS_TAGGING = 4
} pl_access_level;

/* AWS spelling: "List", "Read", "Write", "Permissions management",
 * "Tagging"; NULL for other values. Static storage. */
POLICYLINT_API const char *pl_access_level_name(int level);

/* Report formats for pl_render(). */
typedef enum pl_format {
  PL_FORMAT_JSON = 0,  /* the JSON report of `policylint --format json` (docs/json-report.md) */
  PL_FORMAT_SARIF = 1, /* SARIF 2.1.0, for code-scanning services */
  PL_FORMAT_TEXT = 2   /* `file:line:col: severity: message [CODE name]` lines, no colour */
} pl_format;

/* ---------------------------------------------------------------- analyzer */

#define PL_OPTIONS_VERSION 2

/* How to lint. Initialise with PL_OPTIONS_INIT, then set what you need. The
 * strings and arrays are read by pl_analyzer_new() only; they need not
 * outlive the call. */
typedef struct pl_options {
  unsigned int version; /* PL_OPTIONS_VERSION */
  /* Lint every document as this type: "identity", "resource", "trust",
   * "scp", "rcp", "boundary", "session" or "endpoint". NULL: detect the type
   * of each document. */
  const char *policy_type;
  /* Rules to run: codes ("PL101"), names ("unknown-element"), code prefixes
   * ("PL1") or categories ("syntax"). None (count 0): run every rule. */
  const char *const *select;
  size_t select_count;
  /* Rules not to run, in the same forms as `select`. */
  const char *const *ignore;
  size_t ignore_count;
  /* pl_result_failed() is true when a finding is at least this severe
   * (a pl_severity; PL_OPTIONS_INIT sets PL_SEVERITY_WARNING). */
  int fail_on;
  /* Non-zero: the organisation requires MFA for sensitive access, and rules
   * that check for MFA conditions report their absence. */
  int require_mfa;
  /* ---- version 2 ---- */
  /* Severity overrides: `severity_override_count` pairs of strings, a rule
   * code or name then a severity name ("PL423", "error"). */
  const char *const *severity_overrides;
  size_t severity_override_count;
  /* Rule options (docs/configuration.md "options"): `rule_option_count`
   * strings "name=value"; the values given for one name make its list
   * ("trusted-accounts=111122223333"). */
  const char *const *rule_options;
  size_t rule_option_count;
  /* Non-zero: check SCPs against the grammar AWS Organizations enforced
   * before September 2025. */
  int legacy_scp;
  /* The day time conditions and credential reports are judged on,
   * "YYYY-MM-DD"; NULL: the day of the call (UTC). */
  const char *as_of;
} pl_options;

#define PL_OPTIONS_INIT \
  { PL_OPTIONS_VERSION, NULL, NULL, 0, NULL, 0, PL_SEVERITY_WARNING, 0, NULL, 0, NULL, 0, 0, NULL }

/* Runs the rules. Immutable; may be used from many threads at once. */
typedef struct pl_analyzer pl_analyzer;

/* Creates an analyzer. `options` may be NULL for the defaults (every rule,
 * policy type detected per document, fail on warnings).
 * Fails with PL_EOPTIONS when options->version is 0 or newer than this
 * library, when the policy type or a selector names nothing, or when fail_on
 * is not a pl_severity; with PL_EUTF8 when a string is not UTF-8.
 * The caller owns *out and frees it with pl_analyzer_free(). */
POLICYLINT_API int pl_analyzer_new(pl_analyzer **out, const pl_options *options);

/* Frees an analyzer; NULL is accepted. Results created with it stay valid. */
POLICYLINT_API void pl_analyzer_free(pl_analyzer *analyzer);

/* ------------------------------------------------------------------ linting */

/* The findings for one document. Immutable. */
typedef struct pl_result pl_result;
/* One finding; borrowed from its result. */
typedef struct pl_finding pl_finding;

/* Lints `size` bytes at `data` (which may be NULL when size is 0); the bytes
 * need not be NUL-terminated and are copied. `display_name` names the
 * document in findings and reports (e.g. its path); it must be UTF-8.
 * A document that is not valid JSON or not valid UTF-8 is not a failure: the
 * result holds findings that say so.
 * The caller owns *out and frees it with pl_result_free(). */
POLICYLINT_API int pl_lint_buffer(pl_result **out, const pl_analyzer *analyzer, const char *display_name,
                                  const char *data, size_t size);

/* Reads and lints the file at `path`, which also names it in findings and
 * therefore must be UTF-8 (lint the bytes with pl_lint_buffer() to give
 * another name). Fails with PL_EIO when the file cannot be read.
 * The caller owns *out and frees it with pl_result_free(). */
POLICYLINT_API int pl_lint_file(pl_result **out, const pl_analyzer *analyzer, const char *path);

/* One document of pl_lint_set(): `size` bytes at `data` named
 * `display_name` (UTF-8). */
typedef struct pl_input {
  const char *display_name;
  const char *data;
  size_t size;
} pl_input;

/* Lints `count` documents as one set, as `policylint` lints the files of a
 * run: each document's own rules, and the rules that judge documents
 * together (SCP guardrail coverage, PL423), whose findings go with the first
 * SCP of the set and name the others as related locations. On success
 * out[0..count) hold one result per input, in order; the caller frees each
 * with pl_result_free(). On failure every out[i] is NULL. */
POLICYLINT_API int pl_lint_set(pl_result **out, const pl_analyzer *analyzer, const pl_input *inputs, size_t count);

/* Frees a result and every finding and string borrowed from it; NULL is
 * accepted. */
POLICYLINT_API void pl_result_free(pl_result *result);

/* The document's display name. Borrowed from the result. NULL for NULL. */
POLICYLINT_API const char *pl_result_file(const pl_result *result);
/* The policy type the document was linted as ("identity", ...): the
 * analyzer's, or the detected one. Static storage. NULL for NULL. */
POLICYLINT_API const char *pl_result_policy_type(const pl_result *result);
/* 1 when a finding is at or above the analyzer's fail_on, else 0. */
POLICYLINT_API int pl_result_failed(const pl_result *result);

/* The number of findings (0 for NULL). */
POLICYLINT_API size_t pl_result_finding_count(const pl_result *result);
/* The finding at `index` (0-based; findings are ordered by position, then
 * code), or NULL when the index is out of range. Borrowed from the result:
 * valid until pl_result_free(). Nothing is copied. */
POLICYLINT_API const pl_finding *pl_result_finding(const pl_result *result, size_t index);

/* Fields of a finding. The strings are borrowed from the finding's result
 * (or are static). For a NULL finding the accessors return NULL, 0, or -1
 * (severity and statement). */
POLICYLINT_API const char *pl_finding_code(const pl_finding *finding);     /* stable rule code, "PL101" */
POLICYLINT_API const char *pl_finding_name(const pl_finding *finding);     /* stable rule name, "unknown-element" */
POLICYLINT_API int pl_finding_severity(const pl_finding *finding);         /* a pl_severity */
POLICYLINT_API const char *pl_finding_category(const pl_finding *finding); /* kebab-case, "admin-access" */
POLICYLINT_API const char *pl_finding_message(const pl_finding *finding);  /* what is wrong and how to fix it */
POLICYLINT_API const char *pl_finding_file(const pl_finding *finding);     /* the display name */
/* The half-open source range: lines and columns are 1-based, columns count
 * Unicode code points, offsets count bytes from 0; the end is just past the
 * last character. */
POLICYLINT_API uint32_t pl_finding_line(const pl_finding *finding);
POLICYLINT_API uint32_t pl_finding_column(const pl_finding *finding);
POLICYLINT_API uint32_t pl_finding_end_line(const pl_finding *finding);
POLICYLINT_API uint32_t pl_finding_end_column(const pl_finding *finding);
POLICYLINT_API uint32_t pl_finding_offset(const pl_finding *finding);
POLICYLINT_API uint32_t pl_finding_end_offset(const pl_finding *finding);
/* 0-based index of the statement the finding concerns, or -1 when it
 * concerns the whole document (or for NULL). */
POLICYLINT_API int64_t pl_finding_statement(const pl_finding *finding);
/* That statement's Sid; "" when it has none. */
POLICYLINT_API const char *pl_finding_sid(const pl_finding *finding);

/* Other places that contributed to a finding (the first of two duplicate
 * keys, the other SCPs of a set): their number (0 for NULL), and for the
 * one at `index` its display name (the finding's own for a place in the same
 * document), message, 1-based line and column (NULL or 0 when out of
 * range). Borrowed from the finding's result. */
POLICYLINT_API size_t pl_finding_related_count(const pl_finding *finding);
POLICYLINT_API const char *pl_finding_related_file(const pl_finding *finding, size_t index);
POLICYLINT_API const char *pl_finding_related_message(const pl_finding *finding, size_t index);
POLICYLINT_API uint32_t pl_finding_related_line(const pl_finding *finding, size_t index);
POLICYLINT_API uint32_t pl_finding_related_column(const pl_finding *finding, size_t index);

/* ---------------------------------------------------------------- reports */

#define PL_RENDER_OPTIONS_VERSION 1

/* How to render. Initialise with PL_RENDER_OPTIONS_INIT. */
typedef struct pl_render_options {
  unsigned int version; /* PL_RENDER_OPTIONS_VERSION */
  int format;           /* a pl_format; PL_RENDER_OPTIONS_INIT sets PL_FORMAT_JSON */
  /* SARIF: file URIs are made relative to this directory, the %SRCROOT%
   * base. NULL or "": the current directory. */
  const char *source_root;
} pl_render_options;

#define PL_RENDER_OPTIONS_INIT \
  { PL_RENDER_OPTIONS_VERSION, PL_FORMAT_JSON, NULL }

/* Renders `count` results as one report. `results` may be NULL when count is
 * 0 (an empty report); `options` may be NULL for JSON. On success *out is a
 * NUL-terminated buffer of *out_size bytes (the NUL not counted; out_size may
 * be NULL) that the caller frees with pl_free().
 * Fails with PL_EINVALID for a NULL result, with PL_EOPTIONS for an unknown
 * options version or format, and with PL_EUTF8 for a source_root that is not
 * UTF-8. */
POLICYLINT_API int pl_render(char **out, size_t *out_size, const pl_result *const *results, size_t count,
                             const pl_render_options *options);

/* Frees a buffer returned by pl_render(); NULL is accepted. */
POLICYLINT_API void pl_free(void *buffer);

/* ---------------------------------------------------------------- catalog */

/* The actions an IAM action pattern matches. */
typedef struct pl_action_list pl_action_list;

/* Every catalog action that `pattern` matches ("s3:Get*", "*:List*",
 * "iam:*User*"; `*` and `?` anywhere, any case), in a stable order (by
 * service, then action name). A pattern that matches nothing gives an empty
 * list, not an error. The caller owns *out and frees it with
 * pl_action_list_free(). */
POLICYLINT_API int pl_expand_action(pl_action_list **out, const char *pattern);

/* Frees a list; NULL is accepted. */
POLICYLINT_API void pl_action_list_free(pl_action_list *list);
/* The number of actions (0 for NULL). */
POLICYLINT_API size_t pl_action_list_count(const pl_action_list *list);
/* The canonical name ("s3:GetObject") of the action at `index`, or NULL when
 * out of range. Borrowed from the list. */
POLICYLINT_API const char *pl_action_list_name(const pl_action_list *list, size_t index);
/* The access level of the action at `index` (a pl_access_level), or -1 when
 * out of range. */
POLICYLINT_API int pl_action_list_access_level(const pl_action_list *list, size_t index);

/* Looks up one action by name, any case ("S3:getobject"), and stores its
 * access level (a pl_access_level) in *out (-1 on failure). Fails with
 * PL_ENOTFOUND when the
 * catalog does not know the action (wildcards are not expanded: use
 * pl_expand_action()). */
POLICYLINT_API int pl_action_access_level(int *out, const char *action);

/* ---------------------------------------------------------------- simulate */

/* The request evaluator (docs/simulate.md): a policy set is built from
 * policies by role, compiled once, and then decides any number of requests
 * as AWS does. A compiled set is immutable: one set may be used from many
 * threads at once. */

/* What a policy is to the request. */
typedef enum pl_policy_role {
  PL_ROLE_IDENTITY = 0,
  PL_ROLE_RESOURCE = 1, /* a resource policy, or a role's trust policy */
  PL_ROLE_BOUNDARY = 2, /* a permissions boundary */
  PL_ROLE_SESSION = 3,  /* a session policy */
  PL_ROLE_ENDPOINT = 4, /* a VPC endpoint policy */
  PL_ROLE_SCP = 5,
  PL_ROLE_RCP = 6
} pl_policy_role;

typedef enum pl_decision {
  PL_DECISION_ALLOWED = 0,
  PL_DECISION_IMPLICITLY_DENIED = 1, /* nothing allows */
  PL_DECISION_EXPLICITLY_DENIED = 2  /* a statement denies */
} pl_decision;

/* "Allowed", "ImplicitlyDenied", "ExplicitlyDenied"; NULL for other values.
 * Static storage. */
POLICYLINT_API const char *pl_decision_name(int decision);

/* Collects policies, then compiles them into a pl_policy_set. Not for
 * sharing between threads while policies are added. */
typedef struct pl_policy_set_builder pl_policy_set_builder;
/* A compiled policy set. Immutable. */
typedef struct pl_policy_set pl_policy_set;
/* The decision of one request with its explanation. Immutable. */
typedef struct pl_evaluation pl_evaluation;

POLICYLINT_API int pl_policy_set_builder_new(pl_policy_set_builder **out);
/* Frees a builder; NULL is accepted. Sets compiled from it stay valid. */
POLICYLINT_API void pl_policy_set_builder_free(pl_policy_set_builder *builder);
/* Adds the policy document of `size` bytes at `data` in `role` (a
 * pl_policy_role); `name` (which may be NULL) names it in explanations.
 * SCPs and RCPs go to the organization level last begun (a first one is
 * begun for them). Fails with PL_EINVALID, saying where, when the bytes are
 * not a policy document. */
POLICYLINT_API int pl_policy_set_builder_add(pl_policy_set_builder *builder, int role, const char *name,
                                             const char *data, size_t size);
/* Begins the next organization level of SCPs (PL_ROLE_SCP) or RCPs
 * (PL_ROLE_RCP), from the root down to the account. Every SCP level must
 * allow; an RCP level with no policy allows. `name` may be NULL. */
POLICYLINT_API int pl_policy_set_builder_begin_level(pl_policy_set_builder *builder, int role, const char *name);
/* Compiles what the builder holds. The caller owns *out and frees it with
 * pl_policy_set_free(). */
POLICYLINT_API int pl_policy_set_compile(pl_policy_set **out, const pl_policy_set_builder *builder);
/* Frees a set; NULL is accepted. Evaluations made with it stay valid. */
POLICYLINT_API void pl_policy_set_free(pl_policy_set *set);

/* One request context key and its values. */
typedef struct pl_context_entry {
  const char *key;             /* matched ignoring case, as IAM does */
  const char *const *values;
  size_t value_count;
  int multivalued;             /* non-zero: a list (aws:TagKeys), even of one value */
} pl_context_entry;

#define PL_REQUEST_VERSION 1

/* A request. Initialise with PL_REQUEST_INIT, then set what you need. */
typedef struct pl_request {
  unsigned int version;         /* PL_REQUEST_VERSION */
  const char *action;           /* "s3:GetObject" */
  const char *resource;         /* an ARN; `*` and `?` make it stand for every resource they match */
  const char *resource_account; /* NULL: the ARN's account, else the caller's */
  /* An IAM ARN (user, role, root, assumed-role or federated-user session),
   * a 12-digit account or a service principal; NULL for an anonymous
   * request. */
  const char *principal;
  int wildcard_only_action;     /* non-zero: `resource` "*" is the literal "*" */
  const pl_context_entry *context;
  size_t context_count;
} pl_request;

#define PL_REQUEST_INIT \
  { PL_REQUEST_VERSION, NULL, NULL, NULL, NULL, 0, NULL, 0 }

/* Decides `request` against `set` and stores a pl_decision in *decision
 * (-1 on failure). The fast path: no explanation is built. */
POLICYLINT_API int pl_policy_set_decide(int *decision, const pl_policy_set *set, const pl_request *request);
/* Decides `request` and explains it. The caller owns *out and frees it with
 * pl_evaluation_free(). */
POLICYLINT_API int pl_policy_set_evaluate(pl_evaluation **out, const pl_policy_set *set, const pl_request *request);
/* Frees an evaluation; NULL is accepted. */
POLICYLINT_API void pl_evaluation_free(pl_evaluation *evaluation);
/* The pl_decision (-1 for NULL). */
POLICYLINT_API int pl_evaluation_decision(const pl_evaluation *evaluation);
/* The step that decided, in one sentence. Borrowed from the evaluation; NULL
 * for NULL. */
POLICYLINT_API const char *pl_evaluation_reason(const pl_evaluation *evaluation);
/* The explanation as JSON: every policy, statement and condition with its
 * result and why (docs/simulate.md). Borrowed from the evaluation; NULL for
 * NULL. */
POLICYLINT_API const char *pl_evaluation_json(const pl_evaluation *evaluation);

/* ------------------------------------------------------------------------
 * Access checks (docs/checks.md): offline equivalents of IAM Access
 * Analyzer's CheckNoNewAccess, CheckAccessNotGranted and CheckNoPublicAccess.
 * A check passes only when it has proved it.
 * ------------------------------------------------------------------------ */

/* A policy document in memory: `size` bytes at `data`, reported as `name`
 * (NULL: "policy"). */
typedef struct pl_policy_text {
  const char *name;
  const char *data;
  size_t size;
} pl_policy_text;

/* The outcome of a check: PASS or FAIL and its issues. Immutable. */
typedef struct pl_check_result pl_check_result;

/* PASS when NEW allows nothing OLD does not (for SCPs and RCPs: denies
 * nothing less). `policy_type` is a policy type name ("identity", "scp", ...)
 * or NULL to detect it from NEW; an unknown one fails with PL_EOPTIONS. Fails
 * with PL_EINVALID, saying where, when a text is not a policy document. The
 * caller owns *out and frees it with pl_check_result_free(). */
POLICYLINT_API int pl_check_no_new_access(pl_check_result **out, const pl_policy_text *old_policy,
                                          const pl_policy_text *new_policy, const char *policy_type);
/* PASS when no Allow of the policies may grant one of the actions (patterns
 * allowed) on one of the resources (every resource when resource_count is 0). */
POLICYLINT_API int pl_check_access_not_granted(pl_check_result **out, const pl_policy_text *policies,
                                               size_t policy_count, const char *const *actions,
                                               size_t action_count, const char *const *resources,
                                               size_t resource_count);
/* PASS when the resource policy grants nothing to everyone. `resource_type`
 * is one of Access Analyzer's ("AWS::S3::Bucket", ...); another fails with
 * PL_EOPTIONS. */
POLICYLINT_API int pl_check_no_public_access(pl_check_result **out, const pl_policy_text *policy,
                                             const char *resource_type);
/* Frees a result; NULL is accepted. */
POLICYLINT_API void pl_check_result_free(pl_check_result *result);
/* 1 PASS, 0 FAIL, -1 for NULL. */
POLICYLINT_API int pl_check_result_passed(const pl_check_result *result);
/* How many issues the result holds (0 for NULL). */
POLICYLINT_API size_t pl_check_result_issue_count(const pl_check_result *result);
/* Issue `index`'s sentence, e.g. "NEW allows s3:DeleteObject on ... (OLD
 * required it)". Borrowed from the result; NULL when out of range. */
POLICYLINT_API const char *pl_check_result_issue_message(const pl_check_result *result, size_t index);
/* Issue `index`'s 1-based line in its policy (0 when out of range). */
POLICYLINT_API unsigned int pl_check_result_issue_line(const pl_check_result *result, size_t index);
/* The result as JSON (docs/checks.md). Borrowed from the result; NULL for NULL. */
POLICYLINT_API const char *pl_check_result_json(const pl_check_result *result);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* POLICYLINT_H */
