#include "analysis/resource_analysis.hpp"

#include <algorithm>

#include "analysis/arn.hpp"
#include "analysis/glob_relations.hpp"
#include "analysis/policy_variables.hpp"
#include "policylint/glob.hpp"

namespace policylint::analysis {
namespace {

using catalog::AccessLevel;

bool changes_things(catalog::ActionView action) noexcept {
  const AccessLevel level = action.access_level();
  return level != AccessLevel::Read && level != AccessLevel::List;
}

/// True when `text` has `*` or `?` outside its policy variables (a variable
/// names one resource per caller; `${*}` is a literal star).
bool has_wildcard_outside_variables(std::string_view text) {
  std::size_t from = 0;
  for (const PolicyVariable& variable : find_policy_variables(text)) {
    if (has_wildcard(text.substr(from, variable.offset - from))) {
      return true;
    }
    from = variable.end();
  }
  return from < text.size() && has_wildcard(text.substr(from));
}

/// True when a resource part names every resource of `type`: after the
/// literal type prefix of the ARN template ("secret:", "table/", none for a
/// bucket) only wildcards and separators remain.
bool names_every_resource(std::string_view resource_part, catalog::ResourceTypeView type) {
  const std::string_view template_resource = split_arn(type.arn_template()).arn.resource.text;
  const std::string_view prefix = template_resource.substr(0, template_resource.find("${"));
  if (resource_part.starts_with(prefix)) {
    resource_part.remove_prefix(prefix.size());
  }
  return !resource_part.empty() && resource_part.find_first_not_of("*?/:") == std::string_view::npos &&
         resource_part.find('*') != std::string_view::npos;
}

}  // namespace

Reach value_reach(const Value& value, catalog::ActionView action) {
  const std::string_view text = value.text;
  if (value.kind != JsonKind::string) {
    return Reach::none;
  }
  if (is_match_all(text)) {
    return Reach::unscoped;
  }
  const auto types = action.resource_types();
  if (types.empty()) {
    return Reach::none;  // the action is authorised only against "*"
  }
  const ArnSplit split = split_arn(text);
  if (changes_things(action) && split.arn.account.text == "aws") {
    return Reach::none;
  }
  Reach best = Reach::none;
  for (const catalog::ActionResourceView resource : types) {
    const catalog::ResourceTypeView type = resource.resource_type();
    if (!catalog::arn_can_match(text, type)) {
      continue;
    }
    Reach reach = Reach::named;
    if (!split.complete()) {
      reach = Reach::unscoped;  // "arn:aws:*": the trailing star runs across the missing fields
    } else if (has_wildcard_outside_variables(split.arn.resource.text)) {
      reach = names_every_resource(split.arn.resource.text, type) ? Reach::unscoped : Reach::wildcard;
    }
    best = std::max(best, reach);
    if (best == Reach::unscoped) {
      break;
    }
  }
  return best;
}

namespace {

/// True when the NotResource values leave out every resource the action acts on.
bool excludes_everything(const ValueList& not_resource, catalog::ActionView action) {
  return std::any_of(not_resource.values.begin(), not_resource.values.end(), [&](const Value& value) {
    if (is_match_all(value.text)) {
      return true;
    }
    const auto types = action.resource_types();
    const ArnSplit split = split_arn(value.text);
    return !types.empty() && split.complete() &&
           std::all_of(types.begin(), types.end(), [&](const catalog::ActionResourceView resource) {
             return catalog::arn_can_match(value.text, resource.resource_type()) &&
                    names_every_resource(split.arn.resource.text, resource.resource_type());
           });
  });
}

}  // namespace

std::string_view to_string(Reach reach) noexcept {
  switch (reach) {
    case Reach::none:
      return "none";
    case Reach::named:
      return "named";
    case Reach::wildcard:
      return "wildcard";
    case Reach::unscoped:
      return "unscoped";
  }
  return "none";
}

ResourceReach resource_reach(const Statement& statement, catalog::ActionView action) {
  if (statement.resources_negated()) {
    return {excludes_everything(statement.not_resource, action) ? Reach::none : Reach::unscoped, nullptr};
  }
  ResourceReach best;
  for (const Value& value : statement.resource.values) {
    const Reach reach = value_reach(value, action);
    if (reach > best.reach) {
      best = {reach, &value};
      if (reach == Reach::unscoped) {
        break;
      }
    }
  }
  return best;
}

bool resource_covers(std::string_view covering, std::string_view covered) noexcept {
  return is_match_all(covering) || glob_covers(covering, covered);
}

}  // namespace policylint::analysis
