#include <algorithm>
#include <string>
#include <vector>

#include "analysis/coverage.hpp"
#include "core/text.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

/// A text equal for two statements exactly when their conditions are the
/// same set of (operator, key, values), whatever the order or key case.
std::string condition_signature(const ConditionElement& condition) {
  std::vector<std::string> parts;
  for (const ConditionBlock& block : condition.blocks) {
    for (const ConditionEntry& entry : block.entries) {
      std::vector<std::string> values;
      for (const Value& value : entry.values.values) {
        values.push_back(value.text);
      }
      std::sort(values.begin(), values.end());
      std::string part = block.op + '\n' + to_lower(entry.key);
      for (const std::string& value : values) {
        part += '\n' + value;
      }
      parts.push_back(std::move(part));
    }
  }
  std::sort(parts.begin(), parts.end());
  std::string signature;
  for (const std::string& part : parts) {
    signature += part + '\0';
  }
  return signature;
}

std::string principal_signature(const Statement& statement) {
  const PrincipalElement& principal = statement.principals();
  if (!principal.present) {
    return {};
  }
  std::vector<std::string> parts;
  for (const PrincipalGroup& group : principal.groups) {
    for (const Value& value : group.values.values) {
      parts.push_back(group.type + '\n' + value.text);
    }
  }
  std::sort(parts.begin(), parts.end());
  std::string signature = statement.principals_negated() ? "not" : "";
  signature += principal.wildcard ? "*" : "";
  for (const std::string& part : parts) {
    signature += part + '\0';
  }
  return signature;
}

bool all_strings(const ValueList& list) {
  return std::all_of(list.values.begin(), list.values.end(),
                     [](const Value& value) { return value.kind == JsonKind::string; });
}

bool is_scalar(const Value& value) {
  return value.kind == JsonKind::string || value.kind == JsonKind::number || value.kind == JsonKind::boolean;
}

bool block_well_formed(const ConditionBlock& block) {
  return block.was_object && std::all_of(block.entries.begin(), block.entries.end(), [](const ConditionEntry& entry) {
           return std::all_of(entry.values.values.begin(), entry.values.values.end(), is_scalar);
         });
}

/// True when the Condition, if any, was read whole: an object of operator
/// objects holding scalar values. A malformed one cannot be compared.
bool condition_well_formed(const ConditionElement& condition) {
  return !condition.present || (condition.value_kind == JsonKind::object &&
                                std::all_of(condition.blocks.begin(), condition.blocks.end(), block_well_formed));
}

/// What must be equal for one statement to contain another.
struct Frame {
  bool comparable = false;
  std::string principals;
  std::string conditions;
};

Frame frame_of(const Statement& statement) {
  Frame frame;
  const bool definite_effect = statement.effect == Effect::allow || statement.effect == Effect::deny;
  frame.comparable = definite_effect && statement.action.present && !statement.not_resource.present &&
                     !statement.action.values.empty() && all_strings(statement.action) &&
                     all_strings(statement.resource) && condition_well_formed(statement.condition);
  frame.principals = principal_signature(statement);
  frame.conditions = condition_signature(statement.condition);
  return frame;
}

bool all_covered(const std::vector<Value>& specific, const std::vector<Value>& general, auto covers) {
  return std::all_of(specific.begin(), specific.end(), [&](const Value& one) {
    return std::any_of(general.begin(), general.end(), [&](const Value& other) { return covers(other, one); });
  });
}

/// True when `outer` applies to every request `inner` applies to, with the same effect.
bool contains(analysis::PolicyFacts& facts, const Statement& outer, const Frame& outer_frame, const Statement& inner,
              const Frame& inner_frame) {
  if (outer.effect != inner.effect || outer_frame.principals != inner_frame.principals ||
      (outer.condition.present && outer_frame.conditions != inner_frame.conditions) ||
      outer.resource.present != inner.resource.present) {
    return false;
  }
  const auto action_covers = [&](const Value& general, const Value& specific) {
    return analysis::action_entry_covers(facts, general, specific);
  };
  const auto resource_covers = [](const Value& general, const Value& specific) {
    return general.kind == JsonKind::string && specific.kind == JsonKind::string &&
           analysis::resource_entry_covers(general.text, specific.text);
  };
  return all_covered(inner.action.values, outer.action.values, action_covers) &&
         all_covered(inner.resource.values, outer.resource.values, resource_covers);
}

void check(RuleContext& context) {
  analysis::PolicyFacts& facts = context.facts();
  const std::vector<Statement>& statements = context.policy().statements;
  std::vector<Frame> frames;
  frames.reserve(statements.size());
  for (const Statement& statement : statements) {
    frames.push_back(frame_of(statement));
  }
  for (std::size_t i = 0; i < statements.size(); ++i) {
    for (std::size_t j = 0; j < statements.size(); ++j) {
      if (i == j || !frames[i].comparable || !frames[j].comparable ||
          !contains(facts, statements[j], frames[j], statements[i], frames[i])) {
        continue;
      }
      // Two statements containing each other: only the later one is redundant.
      if (i < j && contains(facts, statements[i], frames[i], statements[j], frames[j])) {
        continue;
      }
      const std::string verb = statements[i].effect == Effect::deny ? "denies" : "allows";
      Finding& finding = context.report(
          statements[i].range,
          "statement " + std::to_string(i) + " is redundant: statement " + std::to_string(j) + " already " + verb +
              " every action on every resource it names" +
              (statements[j].condition.present ? " under the same conditions" : "") + "; remove it or merge the two",
          &statements[i]);
      finding.related.push_back(RelatedLocation{statements[j].range, "the statement that contains it"});
      break;
    }
  }
}

}  // namespace

extern const Rule redundant_statement{
    {"PL231", "redundant-statement", Severity::suggestion, Category::style,
     "A statement wholly contained in another statement of the policy"},
    RuleInput::policy,
    check,
};

}  // namespace policylint::rules
