// Version queries and the names of the C API's enumerations.
#include <string>

#include "capi/capi_support.hpp"
#include "policylint/finding.hpp"
#include "policylint/version.hpp"

// policylint.h is C and cannot include version.hpp; keep the two in step.
static_assert(PL_VERSION_MAJOR == POLICYLINT_VERSION_MAJOR && PL_VERSION_MINOR == POLICYLINT_VERSION_MINOR &&
                  PL_VERSION_PATCH == POLICYLINT_VERSION_PATCH,
              "policylint.h and policylint/version.hpp disagree on the version");

// The C enumerations mirror the C++ ones value for value.
static_assert(PL_SEVERITY_SUGGESTION == static_cast<int>(policylint::Severity::suggestion) &&
              PL_SEVERITY_WARNING == static_cast<int>(policylint::Severity::warning) &&
              PL_SEVERITY_SECURITY == static_cast<int>(policylint::Severity::security) &&
              PL_SEVERITY_ERROR == static_cast<int>(policylint::Severity::error));
static_assert(PL_ACCESS_LIST == static_cast<int>(policylint::catalog::AccessLevel::List) &&
              PL_ACCESS_READ == static_cast<int>(policylint::catalog::AccessLevel::Read) &&
              PL_ACCESS_WRITE == static_cast<int>(policylint::catalog::AccessLevel::Write) &&
              PL_ACCESS_PERMISSIONS_MANAGEMENT == static_cast<int>(policylint::catalog::AccessLevel::PermissionsManagement) &&
              PL_ACCESS_TAGGING == static_cast<int>(policylint::catalog::AccessLevel::Tagging) &&
              policylint::catalog::kAccessLevelCount == 5);

namespace {

// The catalog keeps its strings in one pool without terminators; copy the
// version once so that it can be handed out as a C string.
const std::string& catalog_version() {
  static const std::string version(policylint::catalog::data_version());
  return version;
}

}  // namespace

extern "C" {

const char* pl_version(void) { return policylint::version(); }

int pl_version_number(void) { return PL_VERSION_NUMBER; }

const char* pl_catalog_version(void) {
  try {
    return catalog_version().c_str();
  } catch (...) {  // only if the one small copy cannot be allocated
    return "";
  }
}

// The names below are string literals in static tables, hence NUL-terminated.
const char* pl_severity_name(int severity) {
  if (severity < PL_SEVERITY_SUGGESTION || severity > PL_SEVERITY_ERROR) {
    return nullptr;
  }
  return policylint::to_string(static_cast<policylint::Severity>(severity)).data();
}

const char* pl_access_level_name(int level) {
  if (level < PL_ACCESS_LIST || level > PL_ACCESS_TAGGING) {
    return nullptr;
  }
  return policylint::catalog::to_string(static_cast<policylint::catalog::AccessLevel>(level)).data();
}

}  // extern "C"
