#include "analysis/arn.hpp"

#include <algorithm>
#include <array>

#include "policylint/glob.hpp"

namespace policylint::analysis {
namespace {

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

/// The next ':' at or after `from` that is not inside a ${...} variable
/// (${aws:username} holds a colon of its own).
std::size_t next_field_colon(std::string_view text, std::size_t from) noexcept {
  for (std::size_t i = from; i < text.size(); ++i) {
    if (text[i] == ':') {
      return i;
    }
    if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      const std::size_t close = text.find('}', i);
      if (close == std::string_view::npos) {
        return text.find(':', i);
      }
      i = close;
    }
  }
  return std::string_view::npos;
}
bool is_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }

}  // namespace

ArnSplit split_arn(std::string_view text) noexcept {
  ArnSplit split;
  std::array<ArnField*, 6> fields = {&split.arn.prefix,  &split.arn.partition, &split.arn.service,
                                     &split.arn.region, &split.arn.account,   &split.arn.resource};
  std::size_t start = 0;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const bool last = i + 1 == fields.size();
    const std::size_t colon = last ? std::string_view::npos : next_field_colon(text, start);
    const std::size_t stop = colon == std::string_view::npos ? text.size() : colon;
    *fields[i] = ArnField{text.substr(start, stop - start), start};
    split.field_count = i + 1;
    if (colon == std::string_view::npos) {
      for (std::size_t rest = i + 1; rest < fields.size(); ++rest) {
        *fields[rest] = ArnField{std::string_view(), text.size()};
      }
      break;
    }
    start = colon + 1;
  }
  return split;
}

ArnProblem arn_problem(std::string_view text, const ArnSplit& split) noexcept {
  const Arn& arn = split.arn;
  if (is_match_all(text)) {
    return ArnProblem::none;
  }
  if (arn.prefix.text != "arn" || split.field_count < 2) {
    return ArnProblem::not_arn;
  }
  if (!split.complete()) {
    // A trailing `*` may run across the colons of the missing fields.
    return text.ends_with('*') ? ArnProblem::none : ArnProblem::missing_fields;
  }
  if (!is_open_field(arn.partition.text) && !is_known_partition(arn.partition.text)) {
    return ArnProblem::unknown_partition;
  }
  if (arn.service.text.empty()) {
    return ArnProblem::empty_service;
  }
  if (has_wildcard(arn.service.text)) {
    return ArnProblem::service_wildcard;
  }
  if (std::any_of(arn.service.text.begin(), arn.service.text.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return ArnProblem::service_case;
  }
  return arn.resource.text.empty() ? ArnProblem::empty_resource : ArnProblem::none;
}

bool is_match_all(std::string_view text) noexcept {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c == '*'; });
}

bool is_known_partition(std::string_view partition) noexcept {
  return partition == "aws" || partition == "aws-cn" || partition == "aws-us-gov" ||
         partition.starts_with("aws-iso") || partition == "aws-eusc";
}

bool is_region_shaped(std::string_view region) noexcept {
  // letters, then one or more "-letters" groups, then "-digits".
  const std::size_t last_dash = region.rfind('-');
  if (last_dash == std::string_view::npos || last_dash + 1 == region.size()) {
    return false;
  }
  const std::string_view number = region.substr(last_dash + 1);
  if (!std::all_of(number.begin(), number.end(), is_digit)) {
    return false;
  }
  const std::string_view words = region.substr(0, last_dash);
  if (words.find('-') == std::string_view::npos || words.front() == '-' || words.back() == '-' ||
      words.find("--") != std::string_view::npos) {
    return false;
  }
  return std::all_of(words.begin(), words.end(), [](char c) { return is_lower(c) || c == '-'; });
}

bool is_account_id(std::string_view account) noexcept {
  return account.size() == 12 && std::all_of(account.begin(), account.end(), is_digit);
}

bool is_open_field(std::string_view field) noexcept {
  return has_wildcard(field) || field.find("${") != std::string_view::npos;
}

}  // namespace policylint::analysis
