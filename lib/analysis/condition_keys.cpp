#include "analysis/condition_keys.hpp"

#include "text/text.hpp"

namespace policylint::analysis {
namespace {

/// True when `name` is a patterned key's fixed text without its placeholder:
/// "aws:RequestTag" or "aws:RequestTag/" for aws:RequestTag/${TagKey}.
bool is_pattern_stem(std::string_view name) {
  if (name.ends_with('/')) {
    name.remove_suffix(1);
  }
  for (const catalog::ConditionKeyView key : catalog::condition_keys()) {
    if (!key.is_pattern()) {
      continue;
    }
    std::string_view stem = key.name().substr(0, key.name().find_first_of("$<"));
    if (stem.ends_with('/')) {
      stem.remove_suffix(1);
    }
    if (equal_ignoring_case(stem, name)) {
      return true;
    }
  }
  return false;
}

bool is_key_character(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == ':' || c == '/';
}

/// The last "service:KeyName" word of a description, other than `self`.
std::string last_key_mentioned(std::string_view description, std::string_view self) {
  std::string_view found;
  std::size_t i = 0;
  while (i < description.size()) {
    if (!is_key_character(description[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < description.size() && is_key_character(description[i])) {
      ++i;
    }
    std::string_view word = description.substr(start, i - start);
    while (word.ends_with(':') || word.ends_with('/')) {
      word.remove_suffix(1);
    }
    const std::size_t colon = word.find(':');
    if (colon != std::string_view::npos && colon > 0 && colon + 1 < word.size() && !equal_ignoring_case(word, self)) {
      found = word;
    }
  }
  return std::string(found);
}

}  // namespace

std::optional<std::string> deprecated_key_replacement(std::string_view name,
                                                      std::optional<catalog::ConditionKeyView> key) {
  if (equal_ignoring_case(name, "aws:ARN")) {
    return "aws:PrincipalArn (who calls) or aws:SourceArn (on whose behalf a service calls)";
  }
  if (!key) {
    return std::nullopt;
  }
  if (!contains_ignoring_case(key->description(), "deprecated")) {
    return std::nullopt;
  }
  std::string replacement = last_key_mentioned(key->description(), key->name());
  return replacement.empty() ? std::string("the key its documentation names") : replacement;
}

bool is_request_origin_key(catalog::ConditionKeyView key) {
  return contains_ignoring_case(key.description(), "from which the request") ||
         contains_ignoring_case(key.description(), "from which the credentials");
}

bool is_global_key(std::string_view name) noexcept { return starts_with_ignoring_case(name, "aws:"); }

KeyLookup look_up_condition_key(std::string_view name) {
  const std::size_t colon = name.find(':');
  // Two finds rather than find_first_of(" \t"), which calls memchr once per
  // character: every condition key of every policy comes through here.
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == name.size() ||
      name.find(' ') != std::string_view::npos || name.find('\t') != std::string_view::npos) {
    return {KeyStatus::malformed, std::nullopt};
  }
  if (const auto key = catalog::find_condition_key(name)) {
    return {KeyStatus::known, key};
  }
  // A few services spell their tag placeholder as literal text
  // ("secretsmanager:ResourceTag/tag-key"), which the catalog does not read
  // as a pattern.
  if (const std::size_t slash = name.find('/'); slash != std::string_view::npos && slash + 1 < name.size()) {
    const std::string literal_pattern = std::string(name.substr(0, slash)) + "/tag-key";
    if (const auto key = catalog::find_condition_key(literal_pattern)) {
      return {KeyStatus::known, key};
    }
  }
  const std::string_view prefix = name.substr(0, colon);
  if (prefix.find_first_of("./") != std::string_view::npos) {
    return {KeyStatus::provider_key, std::nullopt};
  }
  if (is_pattern_stem(name)) {
    return {KeyStatus::missing_tag_key, std::nullopt};
  }
  if (is_global_key(name)) {
    return {KeyStatus::unknown_global, std::nullopt};
  }
  return {catalog::find_service(prefix) ? KeyStatus::unknown_service_key : KeyStatus::unknown_service, std::nullopt};
}

}  // namespace policylint::analysis
