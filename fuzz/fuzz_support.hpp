#pragma once
// What every fuzz target shares: the bytes as a string, and a check that
// stops the run (a finding for libFuzzer) when an invariant breaks.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace policylint::fuzz {

inline std::string bytes_of(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

/// Aborts with `what` when `holds` is false, so that libFuzzer keeps the input.
inline void require(bool holds, std::string_view what) {
  if (!holds) {
    std::fprintf(stderr, "invariant broken: %.*s\n", static_cast<int>(what.size()), what.data());
    std::abort();
  }
}

/// Aborts unless `text` is one JSON document (what a report writer promises).
inline nlohmann::json require_json(const std::string& text, std::string_view what) {
  nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
  require(!parsed.is_discarded(), what);
  return parsed;
}

}  // namespace policylint::fuzz
