#pragma once
#include <span>
#include <string_view>

namespace policylint::rules {

/// A rule's documentation page, docs/rules/<code>.md, compiled in.
struct RuleDoc {
  std::string_view code;
  std::string_view text;
};

/// Generated from docs/rules/*.md at build time, sorted by code.
std::span<const RuleDoc> rule_docs();

}  // namespace policylint::rules
