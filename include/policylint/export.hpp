#pragma once
// Marks the functions and classes that form policylint's public API. The
// library is built with hidden visibility, so only these are exported from
// the shared library.
#if defined(POLICYLINT_STATIC)
#define POLICYLINT_API
#elif defined(_WIN32)
#if defined(POLICYLINT_BUILDING)
#define POLICYLINT_API __declspec(dllexport)
#else
#define POLICYLINT_API __declspec(dllimport)
#endif
#else
#define POLICYLINT_API __attribute__((visibility("default")))
#endif
