// Expansion of IAM action patterns against the catalog.
#include <algorithm>
#include <bit>
#include <cstddef>
#include <numeric>

#include "text/text.hpp"
#include "catalog/catalog_tables.hpp"
#include "policylint/catalog.hpp"
#include "policylint/glob.hpp"

namespace policylint::catalog {
namespace {

using detail::kTables;

bool only_stars(std::string_view pattern) noexcept {
  return !pattern.empty() && pattern.find_first_not_of('*') == std::string_view::npos;
}

/// Where the first `*` or `?` is, or the size. A plain loop: find_first_of
/// with a set calls memchr once per character.
std::size_t first_wildcard(std::string_view pattern) noexcept {
  return static_cast<std::size_t>(
      std::find_if(pattern.begin(), pattern.end(), [](char c) { return c == '*' || c == '?'; }) - pattern.begin());
}

/// An action pattern split at its first colon.
struct SplitPattern {
  bool valid;  ///< false: no colon, and not a bare run of stars
  bool everything;
  std::string_view service;
  std::string_view action;
};

SplitPattern split(std::string_view pattern) noexcept {
  if (only_stars(pattern)) return {true, true, {}, {}};
  const std::size_t colon = pattern.find(':');
  if (colon == std::string_view::npos) return {false, false, {}, {}};
  return {true, false, pattern.substr(0, colon), pattern.substr(colon + 1)};
}

/// Calls visit(action index) for each action of the service matching the
/// action-name pattern, in table order. The literal text before the first
/// wildcard narrows the scan to a binary-searched run ("Get*" only looks at
/// the Get... actions).
template <class Visit>
void visit_service_matches(std::uint32_t service, std::string_view action_pattern, Visit visit) {
  const detail::Span span = kTables.services[service].actions;
  const std::uint32_t end = span.first + span.count;
  if (only_stars(action_pattern)) {
    for (std::uint32_t i = span.first; i < end; ++i) visit(i);
    return;
  }
  const std::string_view literal = action_pattern.substr(0, first_wildcard(action_pattern));
  const auto* const rows = kTables.actions.data();
  // Order of a row against the literal, comparing only as many characters.
  const auto order = [&](const detail::ActionRow& row) {
    const std::string_view name = ActionView(static_cast<std::uint32_t>(&row - rows)).action_name();
    return compare_ignoring_case(name.substr(0, literal.size()), literal);
  };
  const auto* const first =
      std::partition_point(rows + span.first, rows + end, [&](const detail::ActionRow& row) { return order(row) < 0; });
  if (literal.size() == action_pattern.size()) {
    // An exact action name under a wildcard service ("*:GetObject").
    const auto i = static_cast<std::uint32_t>(first - rows);
    if (i < end && ActionView(i).action_name().size() == literal.size() && order(*first) == 0) visit(i);
    return;
  }
  if (literal.size() + 1 == action_pattern.size() && action_pattern.back() == '*') {
    // "Describe*", the usual pattern: every action of the literal's run
    // matches, so the run's end is binary-searched rather than each name
    // glob-matched.
    const auto* const last =
        std::partition_point(first, rows + end, [&](const detail::ActionRow& row) { return order(row) <= 0; });
    for (auto i = static_cast<std::uint32_t>(first - rows); i < static_cast<std::uint32_t>(last - rows); ++i) visit(i);
    return;
  }
  // The literal text after the last wildcard ("*Resource") must end the
  // name: a cheap test that spares most names the glob match.
  const std::string_view suffix = action_pattern.substr(action_pattern.find_last_of("*?") + 1);
  for (auto i = static_cast<std::uint32_t>(first - rows); i < end; ++i) {
    const std::string_view name = ActionView(i).action_name();
    if (!starts_with_ignoring_case(name, literal)) break;
    if (name.size() >= suffix.size() && compare_ignoring_case(name.substr(name.size() - suffix.size()), suffix) == 0 &&
        glob_match(action_pattern, name, CaseSensitivity::insensitive)) {
      visit(i);
    }
  }
}

/// Calls visit(action index) for every action the pattern matches, in table order.
template <class Visit>
void visit_matches(std::string_view pattern, Visit visit) {
  // Most patterns are exact names: one hash probe. No action name holds a
  // wildcard, so a pattern found this way has none either.
  if (const auto action = find_action(pattern)) {
    visit(action->index());
    return;
  }
  if (!has_wildcard(pattern)) return;
  const SplitPattern split_pattern = split(pattern);
  if (!split_pattern.valid) return;
  const auto action_count = static_cast<std::uint32_t>(kTables.actions.size());
  if (split_pattern.everything) {
    for (std::uint32_t i = 0; i < action_count; ++i) visit(i);
    return;
  }
  if (!has_wildcard(split_pattern.service)) {
    if (const auto service = find_service(split_pattern.service)) {
      visit_service_matches(service->index(), split_pattern.action, visit);
    }
    return;
  }
  for (const ServiceView service : services()) {
    if (glob_match(split_pattern.service, service.prefix(), CaseSensitivity::insensitive)) {
      visit_service_matches(service.index(), split_pattern.action, visit);
    }
  }
}

/// One bit per catalog action, read a word at a time: big unions and
/// complements are collected in one pass over 346 words rather than 22,000
/// flags.
class ActionBits {
 public:
  ActionBits() : words_((kTables.actions.size() + 63) / 64, 0) {}

  void set(std::uint32_t i) noexcept { words_[i / 64] |= std::uint64_t{1} << (i % 64); }

  /// The actions whose bit is `value`, in table order.
  std::vector<ActionView> collect(bool value) const {
    const auto count = static_cast<std::uint32_t>(kTables.actions.size());
    std::size_t set = 0;
    for (const std::uint64_t word : words_) set += static_cast<std::size_t>(std::popcount(word));
    std::vector<ActionView> out;
    out.reserve(value ? set : count - set);
    for (std::size_t w = 0; w < words_.size(); ++w) {
      std::uint64_t word = value ? words_[w] : ~words_[w];
      while (word != 0) {
        const auto i = static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(std::countr_zero(word)));
        if (i >= count) break;  // the unused bits of the last word
        out.emplace_back(i);
        word &= word - 1;
      }
    }
    return out;
  }

 private:
  std::vector<std::uint64_t> words_;
};


}  // namespace

bool matches(std::string_view pattern, ActionView action) noexcept {
  const SplitPattern split_pattern = split(pattern);
  if (!split_pattern.valid) return false;
  return split_pattern.everything ||
         (glob_match(split_pattern.service, action.service().prefix(), CaseSensitivity::insensitive) &&
          glob_match(split_pattern.action, action.action_name(), CaseSensitivity::insensitive));
}

std::vector<ActionView> expand(std::string_view pattern) {
  // Services are visited in order and each service's matches come in order,
  // so the result is already sorted and free of duplicates; for "*" it is a
  // straight run of indices.
  if (only_stars(pattern)) {
    std::vector<ActionView> all;
    all.reserve(kTables.actions.size());
    visit_matches(pattern, [&](std::uint32_t i) { all.emplace_back(i); });
    return all;
  }
  // Other matches are gathered in a buffer kept per thread, so the result is
  // allocated once at its size rather than grown.
  thread_local std::vector<ActionView> matches;
  matches.clear();
  visit_matches(pattern, [&](std::uint32_t i) { matches.emplace_back(i); });
  return {matches.begin(), matches.end()};
}

std::vector<ActionView> expand_any(std::span<const std::string_view> patterns) {
  std::vector<ActionView> out;
  out.reserve(patterns.size());  // most patterns are exact names, one action each
  for (const std::string_view pattern : patterns) {
    visit_matches(pattern, [&](std::uint32_t i) { out.emplace_back(i); });
  }
  if (patterns.size() == 1) return out;  // already sorted and unique
  // Most Action lists match a few dozen actions, and sorting those beats a
  // pass over one flag per catalog action; big unions go the other way.
  if (out.size() < kTables.actions.size() / 64) {
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }
  ActionBits matched;
  for (const ActionView action : out) matched.set(action.index());
  return matched.collect(true);
}

std::vector<ActionView> expand_complement(std::span<const std::string_view> patterns) {
  ActionBits matched;
  for (const std::string_view pattern : patterns) {
    visit_matches(pattern, [&](std::uint32_t i) { matched.set(i); });
  }
  return matched.collect(false);
}

std::size_t AccessSummary::total() const noexcept { return std::accumulate(counts.begin(), counts.end(), std::size_t{0}); }

AccessSummary summarize_access(std::span<const ActionView> actions) noexcept {
  AccessSummary summary;
  for (const ActionView action : actions) ++summary.counts[static_cast<std::size_t>(action.access_level())];
  return summary;
}

}  // namespace policylint::catalog
