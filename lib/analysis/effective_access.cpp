#include "analysis/effective_access.hpp"

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <unordered_set>
#include <vector>

#include "analysis/arn.hpp"
#include "analysis/public_access.hpp"

namespace policylint::analysis {
namespace {

bool covered_by_any(const Value& allowed, const ValueList& denied) {
  return std::any_of(denied.values.begin(), denied.values.end(),
                     [&](const Value& value) { return resource_covers(value.text, allowed.text); });
}

/// True when the Deny's resources cover every resource the Allow names.
bool covers_all_resources(const Statement& deny, const Statement& allow) {
  if (deny.resources_negated()) {
    return false;  // what a NotResource Deny leaves out is not worked out: it removes nothing
  }
  if (allow.resources_negated()) {
    return std::any_of(deny.resource.values.begin(), deny.resource.values.end(),
                       [](const Value& value) { return is_match_all(value.text); });
  }
  return std::all_of(allow.resource.values.begin(), allow.resource.values.end(),
                     [&](const Value& value) { return covered_by_any(value, deny.resource); });
}

/// True when the Deny's resources cover every resource of the Allow that
/// `action` can act on.
bool covers_action_resources(const Statement& deny, const Statement& allow, catalog::ActionView action) {
  if (deny.resources_negated() || allow.resources_negated()) {
    return false;
  }
  return std::all_of(allow.resource.values.begin(), allow.resource.values.end(), [&](const Value& value) {
    return value_reach(value, action) == Reach::none || covered_by_any(value, deny.resource);
  });
}

/// A Deny that always applies.
struct Deny {
  const Statement* statement;
  ActionSet actions;
};

/// A text equal for two Denies when they take away the same from any Allow:
/// the same actions and Resource entries (or both a NotResource).
std::string deny_content(const Statement& deny, const ActionSet& actions) {
  std::string content(deny.resources_negated() ? "not" : "");
  const auto append = [&](const void* data, std::size_t size) {
    content.append(static_cast<const char*>(data), size);
  };
  const std::span<const std::uint32_t> used_words = actions.used_words();
  const std::size_t words = used_words.size();
  append(&words, sizeof words);
  for (const std::uint32_t word : used_words) {
    const std::uint64_t bits = actions.word(word);
    append(&word, sizeof word);
    append(&bits, sizeof bits);
  }
  for (const Value& value : deny.resource.values) {
    const std::size_t size = value.text.size();
    append(&size, sizeof size);
    content += value.text;
  }
  return content;
}

/// Takes away from `grant` what the Deny always removes.
void apply_deny(StatementGrant& grant, const Deny& deny) {
  if (!grant.actions.intersects(deny.actions)) {
    return;
  }
  const Statement& deny_statement = *deny.statement;
  ActionSet removed = grant.actions & deny.actions;
  if (!covers_all_resources(deny_statement, *grant.statement)) {
    ActionSet partly;
    removed.for_each([&](catalog::ActionView action) {
      if (covers_action_resources(deny_statement, *grant.statement, action)) {
        partly.insert(action);
      }
    });
    removed = std::move(partly);
  }
  if (!removed.empty()) {
    grant.actions -= removed;
    grant.denied_by.push_back(&deny_statement);
  }
}

bool is_admin(const StatementGrant& grant) {
  const ActionSet& needed = iam_permissions_management();
  if (!grant.in_effect() || !grant.actions.contains_all(needed)) {
    return false;
  }
  bool everywhere = true;
  needed.for_each([&](catalog::ActionView action) {
    everywhere = everywhere && resource_reach(*grant.statement, action).reach == Reach::unscoped;
  });
  return everywhere;
}

}  // namespace

const ActionSet& iam_permissions_management() {
  static const ActionSet set = [] {
    ActionSet actions;
    if (const auto iam = catalog::find_service("iam")) {
      for (const catalog::ActionView action : iam->actions()) {
        if (action.access_level() == catalog::AccessLevel::PermissionsManagement) {
          actions.insert(action);
        }
      }
    }
    return actions;
  }();
  return set;
}

EffectiveAccess::EffectiveAccess(const Policy& policy, Day today) {
  PolicyFacts facts;
  *this = EffectiveAccess(policy, today, facts);
}

EffectiveAccess::EffectiveAccess(const Policy& policy, Day today, PolicyFacts& facts) {
  std::vector<Deny> denies;
  std::unordered_set<std::string> deny_contents;
  for (const Statement& statement : policy.statements) {
    if (statement.effect == Effect::deny && always_applies(analyze_condition(statement.condition, today).verdict)) {
      ActionSet actions = facts.action_set_of(statement);
      // A Deny like an earlier one takes away nothing more: whatever it
      // could, the earlier one already did.
      if (deny_contents.insert(deny_content(statement, actions)).second) {
        denies.push_back({&statement, std::move(actions)});
      }
    }
  }
  // The Denies holding actions in each word of the sets: an Allow is tested
  // only against the Denies sharing a word with it, not against every Deny
  // (a policy of thousands of Allows and Denies took seconds).
  std::vector<std::vector<std::uint32_t>> denies_by_word;
  const std::vector<std::uint32_t> no_denies;
  for (std::uint32_t d = 0; d < denies.size(); ++d) {
    for (const std::uint32_t word : denies[d].actions.used_words()) {
      if (denies_by_word.size() <= word) {
        denies_by_word.resize(word + 1);
      }
      denies_by_word[word].push_back(d);
    }
  }
  std::vector<std::uint32_t> sharing;
  std::vector<std::uint32_t> shared_with(denies.size(), 0);  ///< per Deny, the last Allow sharing a word with it
  std::uint32_t allow_mark = 0;
  for (const Statement& statement : policy.statements) {
    if (statement.effect != Effect::allow) {
      continue;
    }
    StatementGrant grant{
        &statement, facts.action_set_of(statement), analyze_condition(statement.condition, today), {}, false};
    if (grant.condition.verdict == ConditionVerdict::never_true) {
      continue;
    }
    if (!denies.empty()) {
      ++allow_mark;
      sharing.clear();
      for (const std::uint32_t word : grant.actions.used_words()) {
        for (const std::uint32_t d : word < denies_by_word.size() ? denies_by_word[word] : no_denies) {
          if (shared_with[d] != allow_mark) {
            shared_with[d] = allow_mark;
            sharing.push_back(d);
          }
        }
      }
      // They apply in policy order: sorted when few, else picked out in a pass.
      if (sharing.size() * 8 < denies.size()) {
        std::sort(sharing.begin(), sharing.end());
        for (const std::uint32_t d : sharing) {
          apply_deny(grant, denies[d]);
        }
      } else {
        for (std::uint32_t d = 0; d < denies.size(); ++d) {
          if (shared_with[d] == allow_mark) {
            apply_deny(grant, denies[d]);
          }
        }
      }
    }
    grant.admin = is_admin(grant);
    allows_.push_back(std::move(grant));
  }
}

std::vector<Grant> EffectiveAccess::grants_of(catalog::ActionView action) const {
  std::vector<Grant> grants;
  for (const StatementGrant& grant : allows_) {
    if (!grant.actions.contains(action)) {
      continue;
    }
    const ResourceReach reach = resource_reach(*grant.statement, action);
    if (reach.reach != Reach::none) {
      grants.push_back({&grant, reach});
    }
  }
  std::stable_sort(grants.begin(), grants.end(), [](const Grant& a, const Grant& b) {
    if (a.resources.reach != b.resources.reach) {
      return a.resources.reach > b.resources.reach;
    }
    return a.statement->condition.verdict < b.statement->condition.verdict;
  });
  return grants;
}

bool EffectiveAccess::has_admin() const noexcept {
  return std::any_of(allows_.begin(), allows_.end(), [](const StatementGrant& grant) { return grant.admin; });
}

}  // namespace policylint::analysis
