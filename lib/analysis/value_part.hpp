#pragma once
// Where part of a decoded string value stands in the source, so a finding can
// point at one segment of an ARN or one variable rather than the whole value.
#include <cstddef>
#include <string_view>

#include "policylint/policy.hpp"
#include "policylint/source.hpp"

namespace policylint::analysis {

/// The source range of bytes [begin, end) of `value.text`. `source` is the
/// whole document text `value` was read from. JSON escapes (`\/`, `\u0041`)
/// are walked so the range covers the text as written; a part that does not
/// fit the value yields the value's whole range.
SourceRange part_range(std::string_view source, const Value& value, std::size_t begin, std::size_t end) noexcept;

}  // namespace policylint::analysis
