#include "analysis/condition_analysis.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <utility>

#include "analysis/condition_values.hpp"
#include "text/text.hpp"
#include "policylint/glob.hpp"
#include "policylint/options.hpp"

namespace policylint::analysis {
namespace {

using V = ConditionVerdict;

/// What a condition key can narrow. Keys not listed narrow who or what
/// (service keys, aws:ResourceTag/..., aws:PrincipalOrgID, aws:SourceVpce ...).
enum class KeyKind : unsigned char { narrowing, weak, not_narrowing, time };

struct KeyRule {
  std::string_view key;  ///< a whole key, or a prefix when it ends with '/'
  KeyKind kind;
  bool always_present;  ///< in every request context
  std::string_view why;
};

constexpr std::array<KeyRule, 16> kKeyRules = {{
    {"aws:CurrentTime", KeyKind::time, true, ""},
    {"aws:EpochTime", KeyKind::time, true, ""},
    // Judged as present: identity policies mostly serve role sessions.
    {"aws:TokenIssueTime", KeyKind::time, true, ""},
    {"aws:SecureTransport", KeyKind::not_narrowing, true,
     "aws:SecureTransport says how a request travels, not who makes it or what it touches"},
    {"aws:UserAgent", KeyKind::not_narrowing, true, "aws:UserAgent is whatever the caller sends"},
    {"aws:referer", KeyKind::not_narrowing, false, "aws:referer is whatever the caller sends"},
    {"aws:TagKeys", KeyKind::not_narrowing, false,
     "aws:TagKeys limits the tag keys a request passes, which the caller chooses"},
    {"aws:RequestTag/", KeyKind::not_narrowing, false,
     "aws:RequestTag limits the tags a request passes, which the caller chooses"},
    {"aws:PrincipalType", KeyKind::not_narrowing, true, "aws:PrincipalType does not narrow which principal acts"},
    {"aws:MultiFactorAuthPresent", KeyKind::weak, false, "MFA narrows which sessions may act, not what they may do"},
    {"aws:MultiFactorAuthAge", KeyKind::weak, false, "MFA narrows which sessions may act, not what they may do"},
    {"aws:RequestedRegion", KeyKind::narrowing, true, ""},
    {"aws:PrincipalAccount", KeyKind::narrowing, true, ""},
    {"aws:PrincipalArn", KeyKind::narrowing, true, ""},
    {"aws:userid", KeyKind::narrowing, true, ""},
    {"aws:ViaAWSService", KeyKind::narrowing, true, ""},
}};

constexpr KeyRule kDefaultKeyRule = {"", KeyKind::narrowing, false, ""};

const KeyRule& key_rule(std::string_view key) noexcept {
  for (const KeyRule& rule : kKeyRules) {
    const bool matches = rule.key.ends_with('/')
                             ? starts_with_ignoring_case(key, rule.key) && key.size() > rule.key.size()
                             : equal_ignoring_case(key, rule.key);
    if (matches) {
      return rule;
    }
  }
  return kDefaultKeyRule;
}

bool is_base(const ConditionOperator& op, std::string_view name) noexcept { return op.base->name == name; }

bool all_wildcards(std::string_view text) noexcept {
  return !text.empty() && text.find_first_not_of("*") == std::string_view::npos;
}

// ---------------------------------------------------------------- days

std::optional<std::int64_t> parse_integer(std::string_view text) noexcept {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

/// The day a Date condition value falls on, read as IAM does (ISO 8601 or
/// epoch seconds). A time of day or a zone offset can move the instant by up
/// to a day either way, which callers allow for.
std::optional<Day> value_day(std::string_view text) noexcept {
  if (!is_date(text)) {
    return std::nullopt;
  }
  if (text.find('-') == std::string_view::npos && text.size() != 4) {
    const auto seconds = parse_integer(text);
    if (!seconds) {
      return Day::max();  // more digits than any clock reaches
    }
    return Day(std::chrono::floor<std::chrono::days>(std::chrono::seconds(*seconds)));
  }
  // "YYYY", "YYYY-MM", "YYYY-MM-DD", then maybe a time: missing parts are the first.
  std::string date = "YYYY-01-01";
  date.replace(0, std::min<std::size_t>(text.size(), 10), text.substr(0, 10));
  return parse_date(date);
}

std::string_view day_relation_reason(bool after, bool past) noexcept {
  if (after) {
    return past ? "the date it must be after has passed" : "it takes effect only after a future date";
  }
  return past ? "the date it must be before has passed" : "it expires on a future date";
}

// ---------------------------------------------------------------- entries

struct Judgement {
  V verdict;
  std::string_view reason;
};

/// aws:CurrentTime and friends against today. Several values are ORed.
Judgement judge_time(const ConditionOperator& op, const ConditionEntry& entry, Day today) {
  const std::string_view name = op.base->name;
  const bool after = name.find("GreaterThan") != std::string_view::npos;
  const bool before = name.find("LessThan") != std::string_view::npos;
  if (is_base(op, "DateNotEquals") || is_base(op, "NumericNotEquals")) {
    return {V::always_true, "the time is almost never exactly that instant"};
  }
  bool surely_past = false;
  bool surely_future = false;
  bool any_readable = false;
  for (const Value& value : entry.values.values) {
    const auto day = value_day(value.text);
    if (!day) {
      continue;
    }
    any_readable = true;
    surely_past = surely_past || *day < today - std::chrono::days(1);
    surely_future = surely_future || *day > today + std::chrono::days(1);
  }
  if (!any_readable) {
    return {V::never_true, "no value is a date IAM can read, and an unreadable value never matches"};
  }
  if (after) {
    return surely_past ? Judgement{V::always_true, day_relation_reason(true, true)}
                       : Judgement{V::weakly_restricting, day_relation_reason(true, false)};
  }
  if (before) {
    const bool all_past = std::all_of(entry.values.values.begin(), entry.values.values.end(), [&](const Value& value) {
      const auto day = value_day(value.text);
      return !day || *day < today - std::chrono::days(1);
    });
    return all_past ? Judgement{V::never_true, day_relation_reason(false, true)}
                    : Judgement{V::weakly_restricting, day_relation_reason(false, false)};
  }
  // DateEquals: one instant.
  return surely_future ? Judgement{V::restricting, "it holds only at one future instant"}
                       : Judgement{V::never_true, "it holds only at one instant, which has passed"};
}

Judgement judge_null(const ConditionEntry& entry, const KeyRule& rule) {
  bool may_require_absent = false;
  bool may_require_present = false;
  for (const Value& value : entry.values.values) {
    const auto absent = parse_bool(value.text);
    may_require_absent = may_require_absent || absent == true;
    may_require_present = may_require_present || absent == false;
  }
  if (may_require_absent && may_require_present) {
    return {V::always_true, "a key is either absent or present"};
  }
  if (!may_require_absent && !may_require_present) {
    return {V::never_true, "a Null value must be true or false"};
  }
  if (rule.always_present) {
    return may_require_absent ? Judgement{V::never_true, "the key is in every request, so it is never absent"}
                              : Judgement{V::always_true, "the key is in every request"};
  }
  if (may_require_absent || rule.kind == KeyKind::not_narrowing) {
    return {V::not_narrowing, "requiring a key to be absent does not narrow who or what"};
  }
  return {V::weakly_restricting, "it requires only that the key be present, whatever its value"};
}

Judgement judge_entry(const std::optional<ConditionOperator>& op, const ConditionEntry& entry, Day today) {
  if (!op) {
    return {V::restricting, "its operator is not one IAM defines"};
  }
  const KeyRule& rule = key_rule(entry.key);
  if (op->base->family == OperatorFamily::null) {
    return judge_null(entry, rule);
  }
  const bool positive = !op->base->negated;
  // Absent keys: positive operators fail, negated ones and IfExists pass,
  // ForAllValues passes, ForAnyValue fails.
  const bool passes_when_absent =
      !rule.always_present && (op->if_exists || !positive || op->set == SetQualifier::for_all_values);
  if (entry.values.values.empty()) {
    return positive && !passes_when_absent ? Judgement{V::never_true, "it has no value to match"}
                                           : Judgement{V::not_narrowing, "it has no value to rule out"};
  }
  if (rule.kind == KeyKind::time &&
      (op->base->family == OperatorFamily::date || op->base->family == OperatorFamily::numeric)) {
    return judge_time(*op, entry, today);
  }
  const bool matches_any_value = positive && op->base->wildcards &&
                                 std::any_of(entry.values.values.begin(), entry.values.values.end(),
                                             [](const Value& value) { return all_wildcards(value.text); });
  if (matches_any_value) {
    return rule.always_present || op->if_exists
               ? Judgement{V::always_true, "\"*\" matches every value"}
               : Judgement{V::not_narrowing, "\"*\" matches every value, so it only asks for the key"};
  }
  switch (rule.kind) {
    case KeyKind::not_narrowing:
      return {V::not_narrowing, rule.why};
    case KeyKind::weak:
      return passes_when_absent ? Judgement{V::not_narrowing, "it also holds for requests without MFA information"}
                                : Judgement{V::weakly_restricting, rule.why};
    case KeyKind::narrowing:
    case KeyKind::time:
      break;
  }
  if (!positive) {
    return {V::weakly_restricting, "a negated operator rules out only the listed values"};
  }
  if (passes_when_absent) {
    return {V::weakly_restricting, "it also holds for requests without the key"};
  }
  return {V::restricting, "it narrows who or what the statement applies to"};
}

// ---------------------------------------------------------------- contradictions

bool unqualified(const EntryVerdict& entry) noexcept {
  return entry.op && entry.op->set == SetQualifier::none && !entry.op->if_exists;
}

/// The pairs of entries (earlier, later) that may contradict each other:
/// both unqualified, on the same key (ignoring case), in the order of a pass
/// over every pair. Found through the entries grouped by key, so that a
/// block of thousands of keys is not compared pairwise.
std::vector<std::pair<std::uint32_t, std::uint32_t>> contradiction_candidates(const std::vector<EntryVerdict>& entries) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  constexpr std::size_t kPairwiseAtMost = 16;  // fewer entries: testing every pair costs less than the groups
  if (entries.size() <= kPairwiseAtMost) {
    for (std::uint32_t i = 0; i < entries.size(); ++i) {
      for (std::uint32_t j = i + 1; j < entries.size(); ++j) {
        if (unqualified(entries[i]) && unqualified(entries[j]) &&
            equal_ignoring_case(entries[i].entry->key, entries[j].entry->key)) {
          pairs.emplace_back(i, j);
        }
      }
    }
    return pairs;
  }
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_key;
  for (std::uint32_t i = 0; i < entries.size(); ++i) {
    if (unqualified(entries[i])) {
      by_key[to_lower(entries[i].entry->key)].push_back(i);
    }
  }
  for (const auto& [key, group] : by_key) {
    for (std::size_t a = 0; a < group.size(); ++a) {
      for (std::size_t b = a + 1; b < group.size(); ++b) {
        pairs.emplace_back(group[a], group[b]);
      }
    }
  }
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

/// The literal values an exact-match entry accepts (StringEquals, Bool,
/// NumericEquals), normalised; nothing when the entry is not exact or holds
/// a policy variable.
std::optional<std::vector<std::string>> exact_values(const EntryVerdict& entry) {
  const ConditionOperator& op = *entry.op;
  const bool boolean = is_base(op, "Bool");
  if (!is_base(op, "StringEquals") && !is_base(op, "StringNotEquals") && !boolean && !is_base(op, "NumericEquals")) {
    return std::nullopt;
  }
  std::vector<std::string> values;
  for (const Value& value : entry.entry->values.values) {
    if (value.text.find("${") != std::string::npos) {
      return std::nullopt;
    }
    values.push_back(boolean ? to_lower(value.text) : value.text);
  }
  return values;
}

/// Bound of a range operator on numbers or dates, on one scale: numbers as
/// themselves, dates as day counts.
struct Bound {
  double at;
  bool lower;  ///< GreaterThan: the value must exceed `at`
  bool date;
};

std::optional<Bound> range_bound(const EntryVerdict& entry) {
  const ConditionOperator& op = *entry.op;
  const std::string_view name = op.base->name;
  const bool lower = name.find("GreaterThan") != std::string_view::npos;
  const bool upper = name.find("LessThan") != std::string_view::npos;
  const bool date = op.base->family == OperatorFamily::date;
  if ((!lower && !upper) || (!date && op.base->family != OperatorFamily::numeric)) {
    return std::nullopt;
  }
  // Values are ORed: the loosest bound counts.
  std::optional<double> loosest;
  for (const Value& value : entry.entry->values.values) {
    std::optional<double> at;
    if (date) {
      if (const auto day = value_day(value.text)) {
        at = static_cast<double>(day->time_since_epoch().count());
      }
    } else {
      at = parse_number(value.text);
    }
    if (at && (!loosest || (lower ? *at < *loosest : *at > *loosest))) {
      loosest = at;
    }
  }
  if (!loosest) {
    return std::nullopt;
  }
  return Bound{*loosest, lower, date};
}

/// A reason when entries a and b on the same key cannot both hold.
std::optional<std::string_view> contradiction(const EntryVerdict& a, const EntryVerdict& b) {
  const bool a_null = a.op->base->family == OperatorFamily::null;
  const bool b_null = b.op->base->family == OperatorFamily::null;
  if (a_null || b_null) {
    const EntryVerdict& null_entry = a_null ? a : b;
    const EntryVerdict& other = a_null ? b : a;
    const bool requires_absent =
        std::all_of(null_entry.entry->values.values.begin(), null_entry.entry->values.values.end(),
                    [](const Value& value) { return parse_bool(value.text) == true; });
    if (!null_entry.entry->values.values.empty() && requires_absent && !other.op->base->negated &&
        other.op->base->family != OperatorFamily::null) {
      return "a Null entry requires the key to be absent, which another entry on it requires present";
    }
    return std::nullopt;
  }
  const auto a_values = exact_values(a);
  const auto b_values = exact_values(b);
  if (a_values && b_values) {
    const bool a_negated = a.op->base->negated;
    const bool b_negated = b.op->base->negated;
    if (a_negated && b_negated) {
      return std::nullopt;
    }
    const auto& positive = a_negated ? *b_values : *a_values;
    const auto& other = a_negated ? *a_values : *b_values;
    const bool negated_other = a_negated || b_negated;
    const bool overlap = std::any_of(positive.begin(), positive.end(), [&](const std::string& value) {
      const bool in_other = std::find(other.begin(), other.end(), value) != other.end();
      return negated_other ? !in_other : in_other;
    });
    if (!overlap) {
      return negated_other ? "a negated entry rules out every value another entry on the key allows"
                           : "two entries on the key accept no common value";
    }
    return std::nullopt;
  }
  const auto a_bound = range_bound(a);
  const auto b_bound = range_bound(b);
  if (a_bound && b_bound && a_bound->lower != b_bound->lower && a_bound->date == b_bound->date) {
    const Bound& lower = a_bound->lower ? *a_bound : *b_bound;
    const Bound& upper = a_bound->lower ? *b_bound : *a_bound;
    const double slack = lower.date ? 1.0 : 0.0;  // a day either way for times of day and zones
    if (upper.at + slack < lower.at || (!lower.date && upper.at == lower.at)) {
      return "its lower bound is above its upper bound";
    }
  }
  return std::nullopt;
}

}  // namespace

Day current_day() noexcept { return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()); }

std::string_view to_string(ConditionVerdict verdict) noexcept {
  switch (verdict) {
    case V::unconditional:
      return "unconditional";
    case V::always_true:
      return "always true";
    case V::not_narrowing:
      return "not narrowing";
    case V::weakly_restricting:
      return "weakly restricting";
    case V::restricting:
      return "restricting";
    case V::never_true:
      return "never true";
  }
  return "restricting";
}

const EntryVerdict* ConditionAnalysis::decisive() const noexcept {
  const auto found =
      std::find_if(entries.begin(), entries.end(), [&](const EntryVerdict& entry) { return entry.verdict == verdict; });
  return found == entries.end() || verdict == V::unconditional ? nullptr : &*found;
}

ConditionVerdict ConditionAnalysis::verdict_without(std::string_view key) const noexcept {
  V result = V::unconditional;
  for (const EntryVerdict& entry : entries) {
    if (!equal_ignoring_case(entry.entry->key, key)) {
      result = std::max(result, entry.verdict);
    }
  }
  return result;
}

bool ConditionAnalysis::admits(std::string_view key, std::string_view value) const noexcept {
  for (const EntryVerdict& entry : entries) {
    if (!entry.op || !equal_ignoring_case(entry.entry->key, key) || entry.op->set != SetQualifier::none) {
      continue;
    }
    const OperatorFamily family = entry.op->base->family;
    if (family != OperatorFamily::string && family != OperatorFamily::arn) {
      continue;
    }
    const bool ignore_case = entry.op->base->name.ends_with("IgnoreCase");
    const bool matched =
        std::any_of(entry.entry->values.values.begin(), entry.entry->values.values.end(), [&](const Value& v) {
          if (v.text.find("${") != std::string::npos) {
            return true;  // known only at request time
          }
          if (entry.op->base->wildcards) {
            return glob_match(v.text, value, CaseSensitivity::sensitive);
          }
          return ignore_case ? equal_ignoring_case(v.text, value) : v.text == value;
        });
    if (matched == entry.op->base->negated) {
      return false;
    }
  }
  return true;
}

ConditionAnalysis analyze_condition(const ConditionElement& condition, Day today) {
  ConditionAnalysis analysis;
  for (const ConditionBlock& block : condition.blocks) {
    const auto op = parse_condition_operator(block.op);
    for (const ConditionEntry& entry : block.entries) {
      const Judgement judgement = judge_entry(op, entry, today);
      analysis.entries.push_back(EntryVerdict{&block, &entry, op, judgement.verdict, judgement.reason});
    }
  }
  for (const auto& [i, j] : contradiction_candidates(analysis.entries)) {
    const EntryVerdict& a = analysis.entries[i];
    const EntryVerdict& b = analysis.entries[j];
    if (const auto reason = contradiction(a, b)) {
      analysis.entries.push_back(EntryVerdict{b.block, b.entry, b.op, V::never_true, *reason});
    }
  }
  for (const EntryVerdict& entry : analysis.entries) {
    analysis.verdict = std::max(analysis.verdict, entry.verdict);
  }
  return analysis;
}

}  // namespace policylint::analysis
