// Matching a statement's Action, Resource and Principal entries against a
// prepared request.
#include "analysis/arn.hpp"
#include "analysis/evaluator/evaluator_internal.hpp"
#include "core/text.hpp"
#include "policylint/catalog.hpp"
#include "policylint/glob.hpp"

namespace policylint::evaluator {
namespace {

bool field_matches(std::string_view pattern, std::string_view field, bool fold_case, bool wildcard_request,
                   bool covering) {
  if (!wildcard_request) {
    return glob_match(pattern, field, fold_case ? CaseSensitivity::insensitive : CaseSensitivity::sensitive);
  }
  if (fold_case) {
    const std::string lower_pattern = to_lower(pattern);
    const std::string lower_field = to_lower(field);
    return covering ? glob_covers(lower_pattern, lower_field) : globs_overlap(lower_pattern, lower_field);
  }
  return covering ? glob_covers(pattern, field) : globs_overlap(pattern, field);
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

bool resource_part_matches(const Pattern& pattern, std::string_view part, std::string_view service,
                           const PreparedRequest& request, bool covering) {
  if (pattern.text.find_first_of("/:") != std::string::npos) {
    if (!request.resource_product) request.resource_product = catalog_product(service, part);
    const std::string_view product = *request.resource_product;
    if (!product.empty() && !std::string_view(pattern.text).starts_with(product)) return false;
  }
  if (!request.resource_has_wildcard) return pattern_match(pattern, part, false);
  return field_matches(pattern.text, part, false, true, covering);
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
                               bool substitutes_variables) {
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
  Pattern resolved;
  if (pattern.has_variables && substitutes_variables) {
    if (!resolve_variables(pattern.text, request, resolved, nullptr)) return ResourceMatch::error;
  } else {
    resolved.text = pattern.text;
  }
  if (request.resource_literal) {
    return pattern_match(resolved, resource, false) ? ResourceMatch::match : ResourceMatch::no_match;
  }
  if (resource == "*" && request.resource_has_wildcard) {
    // Every resource: some of it matches any pattern, none but `*` covers it.
    return covering ? ResourceMatch::no_match : ResourceMatch::match;
  }
  const analysis::ArnSplit request_arn = analysis::split_arn(resource);
  if (pattern.form == Form::text || !request_arn.complete()) {
    const bool matched = request.resource_has_wildcard ? field_matches(resolved.text, resource, false, true, covering)
                                                       : pattern_match(resolved, resource, false);
    return matched ? ResourceMatch::match : ResourceMatch::no_match;
  }
  const analysis::ArnSplit pattern_arn = analysis::split_arn(resolved.text);
  const analysis::Arn& p = pattern_arn.arn;
  const analysis::Arn& r = request_arn.arn;
  const ResourceMatch mismatch = pattern.padded ? ResourceMatch::error : ResourceMatch::no_match;
  const bool wildcard_request = request.resource_has_wildcard;
  if (!field_matches(p.partition.text, r.partition.text, true, wildcard_request, covering) ||
      !field_matches(p.service.text, r.service.text, true, wildcard_request, covering) ||
      !field_matches(p.region.text, r.region.text, true, wildcard_request, covering) ||
      !field_matches(p.account.text, r.account.text, true, wildcard_request, covering)) {
    return mismatch;
  }
  Pattern part;
  part.text = std::string(p.resource.text);
  if (!resolved.literal.empty()) {
    part.literal.assign(resolved.literal.begin() + static_cast<std::ptrdiff_t>(p.resource.offset), resolved.literal.end());
  }
  return resource_part_matches(part, r.resource.text, r.service.text, request, covering) ? ResourceMatch::match
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
