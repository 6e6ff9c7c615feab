// Matching a statement's Action, Resource and Principal entries against a
// prepared request.
#include <array>

#include "analysis/arn.hpp"
#include "analysis/evaluator/evaluator_internal.hpp"
#include "analysis/glob_relations.hpp"
#include "text/text.hpp"
#include "policylint/catalog.hpp"
#include "policylint/glob.hpp"

namespace policylint::evaluator {
namespace {

bool field_matches(std::string_view pattern, std::string_view field, bool fold_case, bool wildcard_request,
                   bool covering) {
  if (pattern == field) return true;
  if (!wildcard_request) {
    return glob_match(pattern, field, fold_case ? CaseSensitivity::insensitive : CaseSensitivity::sensitive);
  }
  if (fold_case) {
    const std::string lower_pattern = to_lower(pattern);
    const std::string lower_field = to_lower(field);
    return covering ? analysis::glob_covers(lower_pattern, lower_field)
                    : analysis::globs_overlap(lower_pattern, lower_field);
  }
  return covering ? analysis::glob_covers(pattern, field) : analysis::globs_overlap(pattern, field);
}

/// The resource type prefix ("instance/" of "instance/i-123") that a
/// resource part starts with, when the service's ARN templates name that
/// type. AWS does not let a wildcard stand for it.
std::string_view catalog_product(std::string_view service, std::string_view resource_part) {
  const std::size_t separator = resource_part.find_first_of("/:");
  if (separator == std::string_view::npos || separator == 0) return {};
  const std::string_view token = resource_part.substr(0, separator);
  const std::optional<catalog::ServiceView> found = catalog::find_service(service);
  if (!found) return {};
  for (const catalog::ResourceTypeView type : found->resource_types()) {
    const std::string_view part = analysis::split_arn(type.arn_template()).arn.resource.text;
    const std::size_t end = part.find_first_of("/:");
    if (end != std::string_view::npos && part.substr(0, end) == token) return resource_part.substr(0, separator + 1);
  }
  return {};
}

/// True when a wildcard comes before the first '/' or ':' of the pattern,
/// and a separator follows it.
bool leading_type_has_wildcard(PatternView pattern) noexcept {
  bool wildcard = false;
  for (std::size_t i = 0; i < pattern.text.size(); ++i) {
    const char c = pattern.text[i];
    if (c == '/' || c == ':') return wildcard;
    if ((c == '*' || c == '?') && (pattern.literal == nullptr || pattern.literal[i] == 0)) wildcard = true;
  }
  return false;
}

bool resource_part_matches(PatternView pattern, std::string_view part, std::string_view service,
                           const PreparedRequest& request, bool covering) {
  // Only a wildcard in the pattern's leading type needs the catalog: a
  // literal one must be matched by the request's text anyway.
  if (leading_type_has_wildcard(pattern)) {
    if (!request.resource_product) request.resource_product = catalog_product(service, part);
    const std::string_view product = *request.resource_product;
    if (!product.empty() && !pattern.text.starts_with(product)) return false;
  }
  if (!request.resource_has_wildcard) return pattern_match(pattern, part, false);
  return field_matches(pattern.text, part, false, true, covering);
}

/// The six fields of an ARN pattern: where compile time recorded them, or
/// split now from a text with its variables substituted.
struct PatternFields {
  std::array<std::string_view, 6> field;
  PatternView resource;
};

PatternFields recorded_fields(const ResourcePattern& pattern) {
  PatternFields out;
  const std::string_view text = pattern.text;
  for (std::size_t i = 0; i < 6; ++i) {
    out.field[i] = text.substr(pattern.field_begin[i], pattern.field_end[i] - pattern.field_begin[i]);
  }
  out.resource = PatternView{out.field[5], nullptr};
  return out;
}

PatternFields resolved_fields(const Resolved& resolved) {
  PatternFields out;
  const analysis::Arn arn = analysis::split_arn(resolved.text).arn;
  out.field = {arn.prefix.text, arn.partition.text, arn.service.text, arn.region.text, arn.account.text,
               arn.resource.text};
  out.resource = resolved.view().from(arn.resource.offset);
  return out;
}

}  // namespace

bool action_matches(const ActionPattern& pattern, const PreparedRequest& request) noexcept {
  if (pattern.all) return true;
  if (pattern.never) return false;
  const bool service = pattern.service_wildcard
                           ? glob_match(pattern.service, request.action_service, CaseSensitivity::sensitive)
                           : pattern.service == request.action_service;
  if (!service) return false;
  return pattern.name_wildcard ? glob_match(pattern.name, request.action_name, CaseSensitivity::sensitive)
                               : pattern.name == request.action_name;
}

ResourceMatch resource_matches(const ResourcePattern& pattern, const PreparedRequest& request, bool covering,
                               bool substitutes_variables, bool errors_matter) {
  using Form = ResourcePattern::Form;
  const std::string_view resource = request.request->resource;
  switch (pattern.form) {
    case Form::all:
      return ResourceMatch::match;
    case Form::nothing:
      return ResourceMatch::no_match;
    case Form::rejected:
      return ResourceMatch::error;
    case Form::text:
    case Form::arn:
      break;
  }
  // Reused between calls on a thread: substituting allocates only while the
  // buffers grow.
  thread_local Resolved scratch;
  const bool substitute = pattern.has_variables && substitutes_variables;
  const bool whole_substituted = substitute && !pattern.variables_in_resource_only;
  PatternView whole{pattern.text, nullptr};
  if (whole_substituted) {
    if (!resolve_variables(pattern.variables, request, scratch, nullptr)) return ResourceMatch::error;
    whole = scratch.view();
  }
  const analysis::ArnSplit& request_arn = request.resource_arn;
  const bool whole_text = request.resource_literal || pattern.form == Form::text || !request_arn.complete() ||
                          (resource == "*" && request.resource_has_wildcard);
  if (whole_text && substitute && !whole_substituted) {
    if (!resolve_variables(compile_variables(pattern.text), request, scratch, nullptr)) return ResourceMatch::error;
    whole = scratch.view();
  }
  if (request.resource_literal) {
    return pattern_match(whole, resource, false) ? ResourceMatch::match : ResourceMatch::no_match;
  }
  if (resource == "*" && request.resource_has_wildcard) {
    // Every resource: some of it matches any pattern, none but `*` covers it.
    return covering ? ResourceMatch::no_match : ResourceMatch::match;
  }
  if (whole_text) {
    const bool matched = request.resource_has_wildcard ? field_matches(whole.text, resource, false, true, covering)
                                                       : pattern_match(whole, resource, false);
    return matched ? ResourceMatch::match : ResourceMatch::no_match;
  }
  PatternFields p = whole_substituted ? resolved_fields(scratch) : recorded_fields(pattern);
  const analysis::Arn& r = request_arn.arn;
  const ResourceMatch mismatch = pattern.padded ? ResourceMatch::error : ResourceMatch::no_match;
  const bool wildcard_request = request.resource_has_wildcard;
  if (!field_matches(p.field[1], r.partition.text, true, wildcard_request, covering) ||
      !field_matches(p.field[2], r.service.text, true, wildcard_request, covering) ||
      !field_matches(p.field[3], r.region.text, true, wildcard_request, covering) ||
      !field_matches(p.field[4], r.account.text, true, wildcard_request, covering)) {
    return mismatch;
  }
  if (substitute && !whole_substituted) {
    // The text before the first variable is matched as written: a request
    // that does not start with it needs no substitution (where a failed
    // substitution and a mismatch mean the same).
    const std::vector<VariableTemplate::Piece>& pieces = pattern.variables.pieces;
    if (!errors_matter && !wildcard_request && !pieces.empty() &&
        pieces.front().kind == VariableTemplate::Piece::Kind::text && !has_wildcard(pieces.front().text) &&
        !r.resource.text.starts_with(pieces.front().text)) {
      return ResourceMatch::no_match;
    }
    if (!resolve_variables(pattern.variables, request, scratch, nullptr)) return ResourceMatch::error;
    p.resource = scratch.view();
  }
  return resource_part_matches(p.resource, r.resource.text, r.service.text, request, covering) ? ResourceMatch::match
                                                                                              : ResourceMatch::no_match;
}

namespace {

using RequestKind = PreparedRequest::PrincipalKind;

bool signed_by_iam(RequestKind kind) noexcept {
  return kind != RequestKind::anonymous && kind != RequestKind::service && kind != RequestKind::other;
}

/// The role name of "arn:...:role/path/name": its last path segment.
std::string_view role_name(std::string_view arn_resource) {
  return arn_resource.substr(arn_resource.rfind('/') + 1);
}

PrincipalGrant entry_grant(const PrincipalEntry& entry, const PreparedRequest& request) {
  using Kind = PrincipalEntry::Kind;
  const std::string_view principal = request.request->principal;
  switch (entry.kind) {
    case Kind::everyone:
      return PrincipalGrant::exact;
    case Kind::aws_everyone:
      return request.principal_kind == RequestKind::service ? PrincipalGrant::none : PrincipalGrant::exact;
    case Kind::account:
      if (!signed_by_iam(request.principal_kind) || request.principal_account != entry.value) return PrincipalGrant::none;
      return request.principal_kind == RequestKind::account ? PrincipalGrant::exact : PrincipalGrant::account;
    case Kind::arn: {
      if (!signed_by_iam(request.principal_kind)) return PrincipalGrant::none;
      if (entry.value == principal) {
        return request.principal_kind == RequestKind::role ? PrincipalGrant::role : PrincipalGrant::exact;
      }
      if (request.principal_kind != RequestKind::assumed_role) return PrincipalGrant::none;
      // A session is also named by the role it came from (any path).
      const analysis::Arn named = analysis::split_arn(entry.value).arn;
      const analysis::Arn role = analysis::split_arn(request.role_arn).arn;
      const bool same_role = named.service.text == "iam" && named.resource.text.starts_with("role/") &&
                             named.account.text == role.account.text &&
                             role_name(named.resource.text) == role_name(role.resource.text);
      return same_role ? PrincipalGrant::role : PrincipalGrant::none;
    }
    case Kind::service:
      return request.principal_kind == RequestKind::service && equal_ignoring_case(entry.value, principal)
                 ? PrincipalGrant::exact
                 : PrincipalGrant::none;
    case Kind::federated:
    case Kind::canonical_user:
    case Kind::other:
      return entry.value == principal ? PrincipalGrant::exact : PrincipalGrant::none;
  }
  return PrincipalGrant::none;
}

}  // namespace

PrincipalGrant principal_grant(const CompiledStatement& statement, PolicyRole role, const PreparedRequest& request,
                               bool has_boundary) {
  // A VPC endpoint policy statement without Principal applies to every
  // caller; a resource policy statement without one applies to none.
  if (!statement.has_principal) return role == PolicyRole::endpoint ? PrincipalGrant::exact : PrincipalGrant::none;
  PrincipalGrant best = PrincipalGrant::none;
  for (const PrincipalEntry& entry : statement.principals) {
    const PrincipalGrant grant = entry_grant(entry, request);
    if (grant == PrincipalGrant::exact) {
      best = grant;
      break;
    }
    if (grant == PrincipalGrant::role || (grant == PrincipalGrant::account && best == PrincipalGrant::none)) best = grant;
  }
  if (!statement.principal_negated) return best;
  // A Deny with NotPrincipal denies every principal that has a permissions
  // boundary, whatever it lists (AWS's permissions boundary page).
  if (statement.effect == Effect::deny && has_boundary) return PrincipalGrant::exact;
  return best == PrincipalGrant::none ? PrincipalGrant::exact : PrincipalGrant::none;
}

}  // namespace policylint::evaluator
