#include "analysis/arn_resource_types.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

namespace policylint::analysis {
namespace {

/// The text before the first wildcard, variable or placeholder. One
/// vectorised find per character sought: find_first_of("*?") would call
/// memchr once per character of the text.
std::string_view literal_start(std::string_view text) noexcept {
  return text.substr(0, std::min({text.find('*'), text.find('?'), text.find("${")}));
}

struct ArnServiceIndex {
  std::vector<std::pair<std::string_view, catalog::ResourceTypeView>> by_service;  ///< sorted by service
  std::vector<std::string_view> services;
  /// The types of each service, contiguous, handed out by resource_types_for_arn_service.
  std::vector<catalog::ResourceTypeView> rows;
  std::vector<std::pair<std::string_view, std::pair<std::size_t, std::size_t>>> runs;
  /// By resource type index: the literal start of its template's resource
  /// part, or nothing when the template is not a complete ARN. Every test of
  /// an ARN against a type needs it.
  std::vector<std::optional<std::string_view>> literal_starts;

  ArnServiceIndex() {
    for (const catalog::ResourceTypeView type : catalog::resource_types()) {
      const ArnSplit pattern = split_arn(type.arn_template());
      literal_starts.push_back(pattern.complete() ? std::optional(literal_start(pattern.arn.resource.text))
                                                  : std::nullopt);
      // A template whose service is a placeholder (backup's recovery points,
      // "arn:${Partition}:${Vendor}:...") would fit nearly any ARN of any
      // service; it is filed under the service that defines it.
      const std::string_view service = pattern.arn.service.text;  // "s3" in "arn:${Partition}:s3:::..."
      by_service.emplace_back(service.find("${") == std::string_view::npos ? service : type.service().prefix(), type);
    }
    std::stable_sort(by_service.begin(), by_service.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < by_service.size();) {
      const std::string_view service = by_service[i].first;
      const std::size_t first = rows.size();
      for (; i < by_service.size() && by_service[i].first == service; ++i) {
        rows.push_back(by_service[i].second);
      }
      runs.emplace_back(service, std::make_pair(first, rows.size() - first));
      services.push_back(service);
    }
  }
};

const ArnServiceIndex& index() {
  static const ArnServiceIndex instance;
  return instance;
}

bool any_fits(std::string_view text, std::span<const catalog::ResourceTypeView> types) {
  const ArnProbe probe(text);
  return std::any_of(types.begin(), types.end(), [&](catalog::ResourceTypeView type) { return probe.can_match(type); });
}

/// `text` with one field replaced.
std::string with_field(std::string_view text, const ArnField& field, std::string_view replacement) {
  std::string out(text.substr(0, field.offset));
  out += replacement;
  out += text.substr(field.end());
  return out;
}

}  // namespace

ArnProbe::ArnProbe(std::string_view text) : text_(text) {
  const ArnSplit split = split_arn(text);
  complete_ = split.complete();
  literal_start_ = complete_ ? literal_start(split.arn.resource.text) : std::string_view();
}

bool ArnProbe::can_match(catalog::ResourceTypeView type) const {
  const std::optional<std::string_view>& pattern_start = index().literal_starts[type.index()];
  if (complete_ && pattern_start) {
    const std::string_view a = literal_start_;
    const std::string_view b = *pattern_start;
    if (a.substr(0, b.size()) != b.substr(0, a.size())) {
      return false;
    }
  }
  return catalog::arn_can_match(text_, type);
}

std::span<const catalog::ResourceTypeView> resource_types_for_arn_service(std::string_view service) {
  const ArnServiceIndex& idx = index();
  const auto found = std::lower_bound(idx.runs.begin(), idx.runs.end(), service,
                                      [](const auto& run, std::string_view name) { return run.first < name; });
  if (found == idx.runs.end() || found->first != service) {
    return {};
  }
  return std::span<const catalog::ResourceTypeView>(idx.rows).subspan(found->second.first, found->second.second);
}

std::span<const std::string_view> arn_services() { return index().services; }

ArnFit fit_arn(std::string_view text, const ArnSplit& split) {
  const Arn& arn = split.arn;
  if (!split.complete() || arn_problem(text, split) != ArnProblem::none || is_open_field(arn.service.text)) {
    return ArnFit::not_checked;
  }
  const auto types = resource_types_for_arn_service(arn.service.text);
  if (types.empty()) {
    // Some services (applicationinsights) define actions but no resource types.
    return catalog::find_service(arn.service.text) ? ArnFit::not_checked : ArnFit::unknown_service;
  }
  if (any_fits(text, types)) {
    return ArnFit::fits;
  }
  if (!arn.region.text.empty() && any_fits(with_field(text, arn.region, ""), types)) {
    return ArnFit::region_not_allowed;
  }
  // Sample values rather than `*`: a `*` may run across colons and would fit
  // ARNs whose real problem lies elsewhere.
  if (arn.region.text.empty() && any_fits(with_field(text, arn.region, "us-east-1"), types)) {
    return ArnFit::region_missing;
  }
  if (!arn.account.text.empty() && any_fits(with_field(text, arn.account, ""), types)) {
    return ArnFit::account_not_allowed;
  }
  // AWS-owned resources (SSM documents and public parameters, AWS managed
  // views) have ARNs without the account their type's template shows.
  if (arn.account.text.empty() && any_fits(with_field(text, arn.account, "123456789012"), types)) {
    return ArnFit::fits;
  }
  return ArnFit::no_resource_type;
}

std::vector<catalog::ResourceTypeView> matching_resource_types(std::string_view text, const ArnSplit& split) {
  std::vector<catalog::ResourceTypeView> matching;
  const ArnProbe probe(text);
  const auto collect = [&](const auto& candidates) {
    for (const catalog::ResourceTypeView type : candidates) {
      if (probe.can_match(type)) {
        matching.push_back(type);
      }
    }
  };
  if (split.complete() && !is_open_field(split.arn.service.text)) {
    collect(resource_types_for_arn_service(split.arn.service.text));
  } else {
    collect(catalog::resource_types());
  }
  return matching;
}

}  // namespace policylint::analysis
