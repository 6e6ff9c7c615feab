#pragma once
// How two wildcard patterns relate, `*` and `?` in both: whether some text
// matches both, and whether every text one matches the other matches too.
// The request evaluator asks both of request resources that are patterns;
// the redundancy and effective-access analyses ask whether one Resource
// entry covers another.
#include <string_view>

namespace policylint::analysis {

/// True when some text matches both patterns. O(|a| * |b|).
bool globs_overlap(std::string_view a, std::string_view b) noexcept;

/// True when every text `inner` matches is matched by `outer`: outer's `*`
/// takes any run of inner's characters and wildcards, its `?` one character
/// or `?`, its other characters only themselves. Linear when `outer` has no
/// `?` or `inner` no wildcard (a glob match then), else O(|outer| * |inner|).
bool glob_covers(std::string_view outer, std::string_view inner) noexcept;

}  // namespace policylint::analysis
