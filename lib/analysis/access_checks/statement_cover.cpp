#include "analysis/access_checks/statement_cover.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "analysis/arn.hpp"
#include "analysis/glob_relations.hpp"
#include "analysis/policy_variables.hpp"
#include "text/text.hpp"

namespace policylint::analysis {
namespace {

bool has_variable(std::string_view text, bool substitutes) { return substitutes && has_policy_variable(text); }

/// The text with each policy variable replaced by `*`: what it may stand for.
std::string variables_widened(std::string_view text) {
  std::string out;
  std::size_t at = 0;
  for (const PolicyVariable& variable : find_policy_variables(text)) {
    out.append(text.substr(at, variable.offset - at)).append("*");
    at = variable.end();
  }
  return out.append(text.substr(std::min(at, text.size())));
}

bool variables_in_resource_part(std::string_view text) {
  std::size_t colon = 0;
  for (int field = 0; field < 5; ++field) {
    colon = text.find(':', colon == 0 && field == 0 ? 0 : colon + 1);
    if (colon == std::string_view::npos) return false;
  }
  return text.find("${") > colon;
}

struct ArnFields {
  bool complete = false;
  std::array<std::string, 5> fields;  ///< partition, service, region, account (lower case), resource
};

ArnFields arn_fields(std::string_view text) {
  ArnFields out;
  const ArnSplit split = split_arn(text);
  out.complete = split.complete() && split.arn.prefix.text == "arn";
  if (!out.complete) return out;
  out.fields = {to_lower(split.arn.partition.text), to_lower(split.arn.service.text), to_lower(split.arn.region.text),
                to_lower(split.arn.account.text), std::string(split.arn.resource.text)};
  return out;
}

/// A wildcard before the resource part's first separator: the evaluator then
/// also compares the resource type the catalog names, so glob reasoning alone
/// does not say what the pattern matches.
bool leading_type_wildcard(std::string_view resource) {
  const std::size_t separator = resource.find_first_of("/:");
  return separator != std::string_view::npos &&
         resource.substr(0, separator).find_first_of("*?") != std::string_view::npos;
}

/// An AWS principal as compared: "111122223333" and its root ARN
/// "arn:aws:iam::111122223333:root" name the same account.
std::string_view account_or_text(std::string_view principal) {
  constexpr std::string_view prefix = "arn:aws:iam::";
  constexpr std::string_view suffix = ":root";
  if (principal.size() == prefix.size() + 12 + suffix.size() && principal.starts_with(prefix) &&
      principal.ends_with(suffix)) {
    return principal.substr(prefix.size(), 12);
  }
  return principal;
}

bool same_principal(const PrincipalGroup& group, std::string_view a, std::string_view b) {
  return a == b || (group.type == "AWS" && account_or_text(a) == account_or_text(b));
}

}  // namespace

std::vector<ResourceScope> resource_scopes(const Statement& statement) {
  std::vector<ResourceScope> out;
  if (statement.resource.present) {
    for (const Value& value : statement.resource.values) out.push_back(ResourceScope{value.text, nullptr});
  } else if (statement.not_resource.present) {
    out.push_back(ResourceScope{"*", &statement.not_resource});
  } else {
    out.push_back(ResourceScope{"*", nullptr});
  }
  return out;
}

std::string describe_scope(const ResourceScope& scope) {
  if (scope.excluded == nullptr) return std::string(scope.pattern);
  std::string out = "every resource but ";
  for (std::size_t i = 0; i < scope.excluded->values.size(); ++i) {
    out.append(i == 0 ? "" : ", ").append(scope.excluded->values[i].text);
  }
  return out;
}

bool resource_pattern_covers(std::string_view outer, bool outer_vars, std::string_view inner, bool inner_vars) {
  const bool outer_variable = has_variable(outer, outer_vars);
  const bool inner_variable = has_variable(inner, inner_vars);
  // The same text is substituted alike for one request.
  if (outer == inner && outer_variable == inner_variable) return true;
  if (outer_variable) return false;
  if (is_match_all(outer)) return true;
  // A variable before the resource part could bring colons and move fields.
  if (inner_variable && !variables_in_resource_part(inner)) return false;
  const std::string widened = inner_variable ? variables_widened(inner) : std::string(inner);
  if (is_match_all(widened)) return false;
  const ArnFields o = arn_fields(outer);
  const ArnFields i = arn_fields(widened);
  if (!o.complete || !i.complete) {
    return !outer.starts_with("arn:") && !widened.starts_with("arn:") && !inner_variable && glob_covers(outer, widened);
  }
  for (std::size_t f = 0; f < 4; ++f) {
    if (!glob_covers(o.fields[f], i.fields[f])) return false;
  }
  if (leading_type_wildcard(o.fields[4])) return o.fields[4] == i.fields[4];
  return glob_covers(o.fields[4], i.fields[4]);
}

bool resources_may_overlap(std::string_view a, bool a_vars, std::string_view b, bool b_vars) {
  if (has_variable(a, a_vars) || has_variable(b, b_vars)) return true;
  const ArnFields x = arn_fields(a);
  const ArnFields y = arn_fields(b);
  if (!x.complete || !y.complete) return true;
  for (std::size_t f = 0; f < x.fields.size(); ++f) {
    if (!globs_overlap(x.fields[f], y.fields[f])) return false;
  }
  return true;
}

bool statement_resource_covers(const Statement& outer, bool outer_vars, const ResourceScope& scope, bool scope_vars) {
  if (outer.resource.present) {
    return std::any_of(outer.resource.values.begin(), outer.resource.values.end(), [&](const Value& value) {
      return (scope.excluded == nullptr &&
              resource_pattern_covers(value.text, outer_vars, scope.pattern, scope_vars)) ||
             (!has_variable(value.text, outer_vars) && is_match_all(value.text));
    });
  }
  if (!outer.not_resource.present) return true;
  const auto& excluded = outer.not_resource.values;
  if (scope.excluded == nullptr) {
    return std::none_of(excluded.begin(), excluded.end(), [&](const Value& value) {
      return resources_may_overlap(value.text, outer_vars, scope.pattern, scope_vars);
    });
  }
  // Everything the outer statement leaves out, the inner one leaves out too.
  return std::all_of(excluded.begin(), excluded.end(), [&](const Value& left_out) {
    return std::any_of(scope.excluded->values.begin(), scope.excluded->values.end(), [&](const Value& inner_out) {
      return resource_pattern_covers(inner_out.text, scope_vars, left_out.text, outer_vars);
    });
  });
}

bool statement_resource_may_overlap(const Statement& statement, bool statement_vars, const ResourceScope& scope,
                                    bool scope_vars) {
  if (scope.excluded != nullptr) return true;
  if (statement.not_resource.present) {
    const auto& excluded = statement.not_resource.values;
    return std::none_of(excluded.begin(), excluded.end(), [&](const Value& value) {
      return resource_pattern_covers(value.text, statement_vars, scope.pattern, scope_vars);
    });
  }
  if (!statement.resource.present) return true;
  return std::any_of(statement.resource.values.begin(), statement.resource.values.end(), [&](const Value& value) {
    return resources_may_overlap(value.text, statement_vars, scope.pattern, scope_vars);
  });
}

bool principal_covers(const Statement& outer, const Statement& inner) {
  const PrincipalElement& o = outer.principals();
  const PrincipalElement& i = inner.principals();
  if (!o.present) return true;
  if (outer.principals_negated()) return false;
  if (o.wildcard) return true;
  if (!i.present || inner.principals_negated() || i.wildcard) return false;
  for (const PrincipalGroup& group : i.groups) {
    for (const Value& value : group.values.values) {
      const bool named = std::any_of(o.groups.begin(), o.groups.end(), [&](const PrincipalGroup& by) {
        return by.type == group.type &&
               std::any_of(by.values.values.begin(), by.values.values.end(),
                           [&](const Value& v) { return same_principal(group, v.text, value.text) || v.text == "*"; });
      });
      if (!named) return false;
    }
  }
  return true;
}

}  // namespace policylint::analysis
