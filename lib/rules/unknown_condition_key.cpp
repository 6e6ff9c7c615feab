#include "analysis/condition_keys.hpp"
#include "analysis/condition_walk.hpp"
#include "analysis/suggest.hpp"
#include "text/text.hpp"
#include "policylint/catalog.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

using analysis::KeyStatus;

/// The closest key of the same namespace (the text before the colon).
std::string closest_key(std::string_view name) {
  const std::string_view prefix = name.substr(0, name.find(':') + 1);
  analysis::ClosestName closest(name);
  for (const catalog::ConditionKeyView key : catalog::condition_keys()) {
    if (!key.is_pattern() && starts_with_ignoring_case(key.name(), prefix)) {
      closest.consider(key.name());
    }
  }
  return closest.best().empty() ? std::string() : "did you mean \"" + std::string(closest.best()) + "\"? ";
}

std::string closest_service(std::string_view prefix) {
  analysis::ClosestName closest(prefix);
  for (const catalog::ServiceView service : catalog::services()) {
    closest.consider(service.prefix());
  }
  return closest.best().empty() ? std::string() : "did you mean \"" + std::string(closest.best()) + "\"? ";
}

std::string message(KeyStatus status, const std::string& key) {
  const std::string_view prefix = std::string_view(key).substr(0, key.find(':'));
  switch (status) {
    case KeyStatus::malformed:
      return "\"" + key + "\" is not a condition key: keys read \"service:KeyName\" (e.g. aws:SourceIp, s3:prefix)";
    case KeyStatus::missing_tag_key: {
      const std::string stem = key.ends_with('/') ? key : key + "/";
      return "\"" + key + "\" needs a tag key, so no request carries it; write it as \"" + stem + "<tag-key>\" (e.g. " +
             stem + "team)";
    }
    case KeyStatus::unknown_global:
      return "\"" + key + "\" is not a global condition key, so no request carries it; " + closest_key(key) +
             "see the list of AWS global condition context keys";
    case KeyStatus::unknown_service:
      return "\"" + std::string(prefix) + "\" in \"" + key + "\" is not a known AWS service, so no request carries "
             "this key; " + closest_service(prefix) + "check the key in the AWS Service Authorization Reference";
    case KeyStatus::unknown_service_key:
      return "\"" + key + "\" is not a condition key of " + std::string(catalog::find_service(prefix)->name()) +
             ", so no request carries it; " + closest_key(key) +
             "check the key in the AWS Service Authorization Reference";
    case KeyStatus::known:
    case KeyStatus::provider_key: break;
  }
  return {};
}

void check(PolicyContext& context) {
  analysis::for_each_condition_entry(context.policy(), [&](const analysis::ConditionSite& site) {
    const auto lookup = context.facts().condition_key(site.entry);
    if (lookup.status == KeyStatus::known || lookup.status == KeyStatus::provider_key ||
        analysis::deprecated_key_replacement(site.entry.key, lookup.key)) {
      return;  // deprecated keys are deprecated-condition-key's finding
    }
    context.report(site.entry.key_range, message(lookup.status, site.entry.key), &site.statement, site.entry.key);
  });
}

}  // namespace

extern const Rule unknown_condition_key{
    {"PL217", "unknown-condition-key", Severity::error, Category::validity,
     "A condition key that is neither a global key nor a key of a known service"},
    check,
};

}  // namespace policylint::rules
