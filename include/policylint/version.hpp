#pragma once
// policylint's version. CMake reads the three numbers below, so this is the
// only place where the version is written.

#define POLICYLINT_VERSION_MAJOR 0
#define POLICYLINT_VERSION_MINOR 1
#define POLICYLINT_VERSION_PATCH 0
#define POLICYLINT_VERSION_STRING "0.1.0"

#include "policylint/export.hpp"

namespace policylint {

/// The library's version, e.g. "0.1.0" (may differ from the headers' when
/// linked dynamically against another build).
POLICYLINT_API const char* version() noexcept;

}  // namespace policylint
