#pragma once
// Whether thread_cache_allocator.cpp replaces operator new and delete in the
// program it is linked into. Sanitizer builds keep the system allocator,
// whose checks they rely on.

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define POLICYLINT_THREAD_CACHE_ALLOCATOR 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define POLICYLINT_THREAD_CACHE_ALLOCATOR 0
#endif
#endif

#ifndef POLICYLINT_THREAD_CACHE_ALLOCATOR
#define POLICYLINT_THREAD_CACHE_ALLOCATOR 1
#endif
