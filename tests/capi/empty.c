/* A shared library needs a source of its own; everything else comes from
 * the static policylint archive, linked whole. */
typedef int policylint_capi_shared_has_no_code;
