#include "analysis/access_checks/condition_implication.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "analysis/access_checks/value_relations.hpp"
#include "analysis/condition_values.hpp"
#include "analysis/evaluator/evaluator_internal.hpp"
#include "analysis/policy_variables.hpp"
#include "text/text.hpp"

namespace policylint::analysis {
namespace {

bool is_scalar(const Value& value) {
  return value.kind == JsonKind::string || value.kind == JsonKind::number || value.kind == JsonKind::boolean;
}

std::vector<std::string_view> value_texts(const ConditionAtom& atom) {
  std::vector<std::string_view> out;
  for (const Value& value : atom.entry->values.values) out.push_back(value.text);
  return out;
}

/// The same operator, key and set of values: the same entry whatever it means.
bool same_entry(const ConditionAtom& a, const ConditionAtom& b) {
  if (!a.op || !b.op || a.key != b.key || canonical_spelling(*a.op) != canonical_spelling(*b.op)) return false;
  std::vector<std::string_view> x = value_texts(a);
  std::vector<std::string_view> y = value_texts(b);
  std::sort(x.begin(), x.end());
  std::sort(y.begin(), y.end());
  x.erase(std::unique(x.begin(), x.end()), x.end());
  y.erase(std::unique(y.begin(), y.end()), y.end());
  return x == y;
}

/// Whether the entry holds when the request lacks its key (evaluator rules).
bool holds_when_absent(const ConditionAtom& atom) {
  const ConditionOperator& op = *atom.op;
  if (op.base->family == OperatorFamily::null) {
    return std::any_of(atom.entry->values.values.begin(), atom.entry->values.values.end(),
                       [](const Value& value) { return parse_bool(value.text) == true; });
  }
  switch (op.set) {
    case SetQualifier::none:
      return op.if_exists || op.base->negated;
    case SetQualifier::for_all_values:
      return true;
    case SetQualifier::for_any_value:
      return op.if_exists;
  }
  return false;
}

/// Null: whether it holds for a request that has the key (any value).
bool null_holds_when_present(const ConditionAtom& atom) {
  return std::any_of(atom.entry->values.values.begin(), atom.entry->values.values.end(),
                     [](const Value& value) { return parse_bool(value.text) == false; });
}

Proof absent_implied(const ConditionAtom& inner, const ConditionAtom& outer, std::string& reason) {
  if (holds_when_absent(inner) && !holds_when_absent(outer)) {
    reason = "it holds when the key is absent, the entry it must imply does not";
    return Proof::refuted;
  }
  return Proof::proved;
}

Proof null_implication(const ConditionAtom& inner, const ConditionAtom& outer, std::string& reason) {
  if (absent_implied(inner, outer, reason) != Proof::proved) return Proof::refuted;
  const bool inner_null = inner.op->base->family == OperatorFamily::null;
  const bool outer_null = outer.op->base->family == OperatorFamily::null;
  // Requests that have the key.
  if (outer_null && null_holds_when_present(outer)) return Proof::proved;
  if (inner_null && !null_holds_when_present(inner)) return Proof::proved;
  if (outer_null) {
    reason = "Null asks for the key's absence, the other entry allows it present";
    return Proof::refuted;
  }
  reason = "Null: false holds for any value of the key, the other entry restricts it";
  return Proof::refuted;
}

Proof qualified_implication(const ConditionAtom& inner, const ConditionAtom& outer, std::string& reason) {
  const SetQualifier i = inner.op->set;
  const SetQualifier o = outer.op->set;
  const bool comparable = (i == SetQualifier::none) || (i == o);
  if (!comparable) {
    reason = "a " + canonical_spelling(*inner.op) + " entry cannot be compared with " + canonical_spelling(*outer.op);
    return Proof::unknown;
  }
  // ForAllValues holds on absent keys on both sides; otherwise absent keys
  // decide on their own.
  if (o != SetQualifier::for_all_values && absent_implied(inner, outer, reason) != Proof::proved) {
    return Proof::refuted;
  }
  return values_imply(inner, outer, reason);
}

Proof atom_implies(const ConditionAtom& inner, const ConditionAtom& outer, bool same_variables, std::string& reason) {
  if (same_entry(inner, outer) && (same_variables || (!inner.variables && !outer.variables))) return Proof::proved;
  if (!inner.op || !outer.op) {
    reason = "an operator it cannot read";
    return Proof::unknown;
  }
  if (inner.variables || outer.variables) {
    reason = "policy variables in the values";
    return Proof::unknown;
  }
  const OperatorFamily fi = inner.op->base->family;
  const OperatorFamily fo = outer.op->base->family;
  if (fi == OperatorFamily::null || fo == OperatorFamily::null) return null_implication(inner, outer, reason);
  if (fi != fo) {
    reason = "operators of different families (" + std::string(to_string(fi)) + ", " + std::string(to_string(fo)) + ")";
    return Proof::unknown;
  }
  return qualified_implication(inner, outer, reason);
}

std::string_view comparison_symbol(const ConditionOperator& op) {
  const std::string_view name = op.base->name;
  if (name.ends_with("NotEquals")) return "!=";
  if (name.ends_with("Equals") && op.base->family != OperatorFamily::arn) return "=";
  return {};
}

}  // namespace

std::vector<ConditionAtom> condition_atoms(const ConditionElement& condition, bool substitutes_variables) {
  std::vector<ConditionAtom> out;
  const bool whole = !condition.present || condition.value_kind == JsonKind::object;
  for (const ConditionBlock& block : condition.blocks) {
    for (const ConditionEntry& entry : block.entries) {
      ConditionAtom atom;
      atom.block = &block;
      atom.entry = &entry;
      atom.key = to_lower(entry.key);
      const bool readable =
          whole && block.was_object && std::all_of(entry.values.values.begin(), entry.values.values.end(), is_scalar);
      if (readable) atom.op = parse_condition_operator(block.op);
      atom.variables =
          substitutes_variables && std::any_of(entry.values.values.begin(), entry.values.values.end(),
                                               [](const Value& value) { return has_policy_variable(value.text); });
      out.push_back(std::move(atom));
    }
  }
  return out;
}

Implication conditions_imply(const std::vector<ConditionAtom>& inner, const std::vector<ConditionAtom>& outer,
                             bool same_variables) {
  Implication out;
  for (const ConditionAtom& wanted : outer) {
    bool key_seen = false;
    bool proved = false;
    Proof failure = Proof::refuted;
    std::string failure_reason;
    for (const ConditionAtom& have : inner) {
      if (have.key != wanted.key) continue;
      key_seen = true;
      std::string reason;
      const Proof proof = atom_implies(have, wanted, same_variables, reason);
      if (proof == Proof::proved) {
        proved = true;
        break;
      }
      // An undecided entry makes the whole answer "cannot prove".
      if (failure_reason.empty() || (proof == Proof::unknown && failure == Proof::refuted)) {
        failure = proof;
        failure_reason = std::move(reason);
      }
    }
    if (proved) continue;
    out.proof = failure;
    out.unproved = &wanted;
    out.missing = !key_seen;
    out.reason = key_seen ? failure_reason : "no entry on " + wanted.entry->key;
    if (!wanted.op) {
      out.proof = Proof::unknown;
      out.reason = "operator \"" + wanted.block->op + "\" cannot be read";
    }
    return out;
  }
  return out;
}

std::string describe_atom(const ConditionAtom& atom) {
  std::string out = atom.entry->key;
  const std::string_view symbol = atom.op ? comparison_symbol(*atom.op) : std::string_view();
  if (atom.op && atom.op->set == SetQualifier::none && !atom.op->if_exists && !symbol.empty()) {
    out.append(" ").append(symbol).append(" ");
  } else {
    out.append(" ").append(atom.block->op).append(" ");
  }
  const auto& values = atom.entry->values.values;
  for (std::size_t i = 0; i < values.size(); ++i) {
    out.append(i == 0 ? "" : " or ").append(values[i].text);
  }
  return out;
}

std::string describe_conditions(const std::vector<ConditionAtom>& atoms) {
  if (atoms.empty()) return "always";
  std::string out;
  for (const ConditionAtom& atom : atoms) out.append(out.empty() ? "" : " and ").append(describe_atom(atom));
  return out;
}

}  // namespace policylint::analysis
