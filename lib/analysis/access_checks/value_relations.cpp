#include "analysis/access_checks/value_relations.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <vector>

#include "analysis/arn.hpp"
#include "analysis/condition_values.hpp"
#include "analysis/evaluator/evaluator_internal.hpp"
#include "analysis/glob_relations.hpp"
#include "policylint/glob.hpp"
#include "text/text.hpp"

namespace policylint::analysis {
namespace {

// ------------------------------------------------------------ patterns
// String, binary and ARN values are patterns over request values; sets of
// them relate through cover (every value one matches the other does) and
// disjointness (no value matches both).

enum class Matching : unsigned char { exact, fold_case, glob, arn };

Matching matching_of(const BaseOperator& base) {
  if (base.family == OperatorFamily::arn) return Matching::arn;
  if (base.family == OperatorFamily::binary) return Matching::exact;
  if (base.name.ends_with("IgnoreCase")) return Matching::fold_case;
  return base.wildcards ? Matching::glob : Matching::exact;
}

struct Pattern {
  std::string_view text;
  Matching matching;

  bool literal() const { return matching == Matching::exact || !has_wildcard(text); }
};

bool arn_readable(std::string_view text) {
  const ArnSplit split = split_arn(text);
  return split.complete() && split.arn.prefix.text == "arn";
}

/// The ARN's fields, the first five lower-cased (ArnLike folds their case).
std::array<std::string, 6> arn_fields(std::string_view text) {
  const Arn arn = split_arn(text).arn;
  return {to_lower(arn.prefix.text), to_lower(arn.partition.text), to_lower(arn.service.text),
          to_lower(arn.region.text), to_lower(arn.account.text),   std::string(arn.resource.text)};
}

bool readable(const Pattern& p) { return p.matching != Matching::arn || arn_readable(p.text); }

bool covers(const Pattern& outer, const Pattern& inner) {
  if (outer.matching == Matching::arn || inner.matching == Matching::arn) {
    if (outer.matching != inner.matching) return false;
    const auto o = arn_fields(outer.text);
    const auto i = arn_fields(inner.text);
    for (std::size_t f = 0; f < o.size(); ++f) {
      if (!glob_covers(o[f], i[f])) return false;
    }
    return true;
  }
  switch (outer.matching) {
    case Matching::glob:
      // An exact inner value is read as a glob: a wider set, so the answer stays sound.
      return inner.matching != Matching::fold_case && glob_covers(outer.text, inner.text);
    case Matching::exact:
      return inner.literal() && inner.matching != Matching::fold_case && outer.text == inner.text;
    case Matching::fold_case:
      return inner.literal() && equal_ignoring_case(outer.text, inner.text);
    default:
      return false;
  }
}

bool disjoint(const Pattern& a, const Pattern& b) {
  if (a.matching == Matching::arn || b.matching == Matching::arn) {
    const auto x = arn_fields(a.text);
    const auto y = arn_fields(b.text);
    for (std::size_t f = 0; f < x.size(); ++f) {
      if (!globs_overlap(x[f], y[f])) return true;
    }
    return false;
  }
  // Lower-casing both only widens what each matches.
  if (a.matching == Matching::fold_case || b.matching == Matching::fold_case) {
    return !globs_overlap(to_lower(a.text), to_lower(b.text));
  }
  return !globs_overlap(a.text, b.text);
}

bool matches_everything(const Pattern& p) {
  if (p.matching == Matching::glob) return p.text.find_first_not_of('*') == std::string_view::npos && !p.text.empty();
  return false;
}

std::vector<Pattern> patterns_of(const ConditionAtom& atom) {
  std::vector<Pattern> out;
  const Matching matching = matching_of(*atom.op->base);
  for (const Value& value : atom.entry->values.values) out.push_back(Pattern{value.text, matching});
  return out;
}

// ------------------------------------------------------------ IP blocks

bool prefix_equal(const IpRange& a, const IpRange& b, unsigned bits) {
  for (unsigned i = 0; i < bits / 8; ++i) {
    if (a.bytes[i] != b.bytes[i]) return false;
  }
  if (bits % 8 == 0) return true;
  const auto mask = static_cast<std::uint8_t>(0xFF << (8 - bits % 8));
  return (a.bytes[bits / 8] & mask) == (b.bytes[bits / 8] & mask);
}

bool block_covers(const IpRange& outer, const IpRange& inner) {
  return outer.v6 == inner.v6 && outer.prefix_length <= inner.prefix_length &&
         prefix_equal(outer, inner, outer.prefix_length);
}

// ------------------------------------------------------------ set algebra

bool readable(const std::optional<IpRange>& range) { return range.has_value(); }
bool covers(const std::optional<IpRange>& outer, const std::optional<IpRange>& inner) {
  return block_covers(*outer, *inner);
}
bool disjoint(const std::optional<IpRange>& a, const std::optional<IpRange>& b) {
  return !block_covers(*a, *b) && !block_covers(*b, *a);
}
/// True when some request value of `value` is matched by none of `others`:
/// a literal pattern that none covers; an IP block larger than the blocks of
/// `others` inside it put together.
bool surely_uncovered(const Pattern& value, const std::vector<Pattern>&) { return value.literal(); }
bool surely_uncovered(const std::optional<IpRange>& value, const std::vector<std::optional<IpRange>>& others) {
  const unsigned bits = value->v6 ? 128U : 32U;
  double inside = 0;
  for (const auto& other : others) {
    if (other && block_covers(*value, *other)) inside += std::ldexp(1.0, static_cast<int>(bits - other->prefix_length));
  }
  return inside < std::ldexp(1.0, static_cast<int>(bits - value->prefix_length));
}

/// Whether every request value `inner` holds for, `outer` holds for: each
/// side is a union of its values' sets, or its complement when negated.
template <class V, class Everything>
Proof set_implies(const std::vector<V>& inner, bool inner_negated, const std::vector<V>& outer, bool outer_negated,
                  Everything everything, std::string& reason) {
  const auto all_readable = [](const std::vector<V>& values) {
    return std::all_of(values.begin(), values.end(), [](const V& v) { return readable(v); });
  };
  // A negated operator with a value it cannot read holds for nothing; a
  // positive one ignores that value.
  if (inner_negated && !all_readable(inner)) return Proof::proved;
  if (outer_negated && !all_readable(outer)) {
    reason = "the entry it must imply has a value that does not read, so it never holds";
    return Proof::refuted;
  }
  const auto covered_by = [](const V& value, const std::vector<V>& by) {
    return std::any_of(by.begin(), by.end(), [&](const V& b) { return readable(b) && covers(b, value); });
  };
  if (!inner_negated) {
    for (const V& value : inner) {
      if (!readable(value)) continue;
      if (!outer_negated && !covered_by(value, outer)) {
        reason = "a value it accepts is not among those the other entry accepts";
        return surely_uncovered(value, outer) ? Proof::refuted : Proof::unknown;
      }
      if (outer_negated && !std::all_of(outer.begin(), outer.end(), [&](const V& o) { return disjoint(value, o); })) {
        reason = "a value it accepts is one the other entry excludes";
        return surely_uncovered(value, {}) ? Proof::refuted : Proof::unknown;
      }
    }
    return Proof::proved;
  }
  if (outer_negated) {
    // Every value the outer entry excludes, the inner one excludes too.
    for (const V& value : outer) {
      if (!covered_by(value, inner)) {
        reason = "it excludes fewer values than the other entry";
        return surely_uncovered(value, inner) ? Proof::refuted : Proof::unknown;
      }
    }
    return Proof::proved;
  }
  if (everything(outer)) return Proof::proved;
  reason = "a negated entry cannot be shown to imply a positive one";
  return Proof::unknown;
}

// ------------------------------------------------------------ ordered values
// Numbers, dates and booleans: each side holds on a union of intervals whose
// ends are its values, so testing every value, a point between each two and
// one beyond each end decides the inclusion exactly.

enum class Order : unsigned char { equals, less, less_equal, greater, greater_equal };

Order order_of(std::string_view name) {
  if (name.ends_with("LessThanEquals")) return Order::less_equal;
  if (name.ends_with("LessThan")) return Order::less;
  if (name.ends_with("GreaterThanEquals")) return Order::greater_equal;
  if (name.ends_with("GreaterThan")) return Order::greater;
  return Order::equals;
}

bool compare(Order order, double request, double policy) {
  switch (order) {
    case Order::less:
      return request < policy;
    case Order::less_equal:
      return request <= policy;
    case Order::greater:
      return request > policy;
    case Order::greater_equal:
      return request >= policy;
    case Order::equals:
      return request == policy;
  }
  return false;
}

std::optional<double> ordered_value(OperatorFamily family, std::string_view text) {
  switch (family) {
    case OperatorFamily::numeric:
      return evaluator::parse_number(text);
    case OperatorFamily::date: {
      const std::optional<std::int64_t> ms = evaluator::parse_date_ms(text);
      return ms ? std::optional<double>(static_cast<double>(*ms)) : std::nullopt;
    }
    case OperatorFamily::boolean: {
      const std::optional<bool> b = parse_bool(text);
      return b ? std::optional<double>(*b ? 1.0 : 0.0) : std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

/// The evaluator's rule for one request value: a positive operator holds
/// when one value compares, a negated one when every value reads and none does.
bool ordered_holds(const ConditionAtom& atom, double request) {
  const BaseOperator& base = *atom.op->base;
  const Order order = order_of(base.name);
  for (const Value& value : atom.entry->values.values) {
    const std::optional<double> policy = ordered_value(base.family, value.text);
    if (!base.negated && policy && compare(order, request, *policy)) return true;
    if (base.negated && (!policy || compare(order, request, *policy))) return false;
  }
  return base.negated;
}

Proof ordered_implies(const ConditionAtom& inner, const ConditionAtom& outer, std::string& reason) {
  const OperatorFamily family = inner.op->base->family;
  std::vector<double> points;
  if (family == OperatorFamily::boolean) {
    points = {0.0, 1.0};
  } else {
    std::vector<double> ends;
    for (const ConditionAtom* atom : {&inner, &outer}) {
      for (const Value& value : atom->entry->values.values) {
        if (const auto v = ordered_value(family, value.text)) ends.push_back(*v);
      }
    }
    std::sort(ends.begin(), ends.end());
    ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
    if (ends.empty()) ends.push_back(0.0);
    constexpr double kInf = std::numeric_limits<double>::infinity();
    points.push_back(std::nextafter(ends.front(), -kInf));
    for (std::size_t i = 0; i < ends.size(); ++i) {
      points.push_back(ends[i]);
      if (i + 1 < ends.size()) points.push_back(ends[i] + (ends[i + 1] - ends[i]) / 2);
    }
    points.push_back(std::nextafter(ends.back(), kInf));
  }
  for (const double point : points) {
    if (ordered_holds(inner, point) && !ordered_holds(outer, point)) {
      reason = "it holds for values the other entry refuses";
      return Proof::refuted;
    }
  }
  return Proof::proved;
}

std::vector<std::optional<IpRange>> blocks_of(const ConditionAtom& atom) {
  std::vector<std::optional<IpRange>> out;
  for (const Value& value : atom.entry->values.values) out.push_back(parse_ip_range(value.text));
  return out;
}

}  // namespace

Proof values_imply(const ConditionAtom& inner, const ConditionAtom& outer, std::string& reason) {
  const BaseOperator& i = *inner.op->base;
  const BaseOperator& o = *outer.op->base;
  switch (i.family) {
    case OperatorFamily::numeric:
    case OperatorFamily::date:
    case OperatorFamily::boolean:
      return ordered_implies(inner, outer, reason);
    case OperatorFamily::ip_address: {
      const auto everything = [](const std::vector<std::optional<IpRange>>& blocks) {
        bool v4 = false;
        bool v6 = false;
        for (const auto& block : blocks) {
          if (block && block->prefix_length == 0) (block->v6 ? v6 : v4) = true;
        }
        return v4 && v6;
      };
      return set_implies(blocks_of(inner), i.negated, blocks_of(outer), o.negated, everything, reason);
    }
    case OperatorFamily::string:
    case OperatorFamily::binary:
    case OperatorFamily::arn: {
      const auto everything = [](const std::vector<Pattern>& patterns) {
        return std::any_of(patterns.begin(), patterns.end(), matches_everything);
      };
      return set_implies(patterns_of(inner), i.negated, patterns_of(outer), o.negated, everything, reason);
    }
    case OperatorFamily::null:
      break;
  }
  reason = "operator family not compared";
  return Proof::unknown;
}

}  // namespace policylint::analysis
