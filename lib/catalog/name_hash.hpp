#pragma once
// The hash of the generated action index (Tables::action_hash), which
// tools/catalog/generate.py computes the same way. It reads eight bytes at a
// time, each with bit 0x20 set: that lower-cases ASCII letters, so lookups
// ignore case as IAM does; the few other characters it folds together only
// share a hash, and a lookup compares names anyway.
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace policylint::catalog::detail {

inline std::uint32_t name_hash(std::string_view name) noexcept {
  constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
  std::uint64_t hash = 0;
  std::size_t at = 0;
  if constexpr (std::endian::native == std::endian::little) {
    // Whole words straight from memory: every action lookup hashes a name.
    for (; at + 8 <= name.size(); at += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, name.data() + at, 8);
      hash = (hash ^ (word | 0x2020202020202020ULL)) * kMultiplier;
    }
  }
  for (; at < name.size(); at += 8) {
    std::uint64_t word = 0;  // little-endian whatever the host, to match the generator
    for (std::size_t k = 0; k < 8 && at + k < name.size(); ++k) {
      word |= std::uint64_t{static_cast<unsigned char>(name[at + k]) | 0x20U} << (8 * k);
    }
    hash = (hash ^ word) * kMultiplier;
  }
  // The finaliser of MurmurHash3, so that every input bit reaches the low
  // bits that pick the slot.
  hash ^= hash >> 33;
  hash *= 0xFF51AFD7ED558CCDULL;
  hash ^= hash >> 33;
  return static_cast<std::uint32_t>(hash);
}

}  // namespace policylint::catalog::detail
