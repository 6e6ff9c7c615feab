#include "analysis/principal_analysis.hpp"

#include <algorithm>
#include <array>

#include "analysis/arn.hpp"
#include "analysis/condition_operator.hpp"
#include "analysis/condition_values.hpp"
#include "text/text.hpp"
#include "policylint/glob.hpp"

namespace policylint::analysis {
namespace {

// Prefixes of the IAM unique ids that stand in for a principal once it is
// deleted: AIDA (user) and AROA (role).
constexpr std::array<std::string_view, 2> kUniqueIdPrefixes = {"AIDA", "AROA"};

bool is_unique_id(std::string_view text) noexcept {
  const bool known_prefix = std::any_of(kUniqueIdPrefixes.begin(), kUniqueIdPrefixes.end(),
                                        [&](std::string_view prefix) { return text.starts_with(prefix); });
  return known_prefix && text.size() >= 16 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
         });
}

// Web identity providers AWS names without a provider ARN.
constexpr std::array<std::string_view, 3> kWebIdentityHosts = {"www.amazon.com", "graph.facebook.com",
                                                               "accounts.google.com"};

PrincipalRef classify_aws(PrincipalRef ref) {
  const std::string_view text = ref.text;
  if (text == "*") {
    ref.kind = PrincipalKind::everyone;
    return ref;
  }
  if (is_account_id(text)) {
    ref.kind = PrincipalKind::account;
    ref.account = text;
    return ref;
  }
  if (is_unique_id(text)) {
    ref.kind = PrincipalKind::unique_id;
    return ref;
  }
  const ArnSplit split = split_arn(text);
  if (!split.complete() || split.arn.prefix.text != "arn") {
    return ref;
  }
  ref.account = split.arn.account.text;
  const std::string_view service = split.arn.service.text;
  const std::string_view resource = split.arn.resource.text;
  if (service == "iam" && resource == "root") {
    ref.kind = PrincipalKind::account;
  } else if (service == "iam" && resource.starts_with("user/")) {
    ref.kind = PrincipalKind::iam_user;
  } else if (service == "iam" && resource.starts_with("role/")) {
    ref.kind = PrincipalKind::iam_role;
  } else if (service == "sts" && (resource.starts_with("assumed-role/") || resource.starts_with("federated-user/"))) {
    ref.kind = PrincipalKind::session;
  }
  return ref;
}

PrincipalRef classify_federated(PrincipalRef ref) {
  const std::string_view text = ref.text;
  if (text == "cognito-identity.amazonaws.com") {
    ref.kind = PrincipalKind::cognito;
    ref.provider = text;
    return ref;
  }
  if (std::find(kWebIdentityHosts.begin(), kWebIdentityHosts.end(), text) != kWebIdentityHosts.end()) {
    ref.kind = PrincipalKind::oidc_provider;
    ref.provider = text;
    return ref;
  }
  const ArnSplit split = split_arn(text);
  if (!split.complete() || split.arn.service.text != "iam") {
    return ref;
  }
  ref.account = split.arn.account.text;
  const std::string_view resource = split.arn.resource.text;
  constexpr std::string_view kOidc = "oidc-provider/";
  if (resource.starts_with(kOidc)) {
    ref.kind = PrincipalKind::oidc_provider;
    ref.provider = resource.substr(kOidc.size());
  } else if (resource.starts_with("saml-provider/")) {
    ref.kind = PrincipalKind::saml_provider;
  }
  return ref;
}

// ---------------------------------------------------------------- pins

struct PinKey {
  std::string_view key;
  Pin pin;
};

constexpr std::array<PinKey, 17> kPinKeys = {{
    {"aws:PrincipalOrgID", Pin::organization},
    {"aws:PrincipalOrgPaths", Pin::organization},
    {"aws:SourceOrgID", Pin::organization},
    {"aws:SourceOrgPaths", Pin::organization},
    {"aws:PrincipalAccount", Pin::account},
    {"aws:SourceAccount", Pin::account},
    {"aws:SourceOwner", Pin::account},
    {"kms:CallerAccount", Pin::account},
    {"aws:PrincipalArn", Pin::principal_arn},
    {"aws:userid", Pin::principal_arn},
    {"aws:SourceArn", Pin::source_arn},
    {"aws:SourceVpc", Pin::network},
    {"aws:SourceVpce", Pin::network},
    {"aws:SourceIp", Pin::network},
    {"sts:ExternalId", Pin::external_id},
    {"aws:PrincipalServiceName", Pin::service},
    {"aws:PrincipalIsAWSService", Pin::service},
}};

bool all_wildcards(std::string_view text) noexcept {
  return !text.empty() && text.find_first_not_of("*?") == std::string_view::npos;
}

// True when one value narrows the key to something: not all wildcards, not
// every address, not an ARN of any account.
bool value_narrows(std::string_view key, const Value& value) {
  const std::string_view text = value.text;
  if (text.empty() || all_wildcards(text)) {
    return false;
  }
  if (equal_ignoring_case(key, "aws:SourceIp")) {
    const auto range = parse_ip_range(text);
    return range && range->prefix_length > 0;
  }
  if (text.starts_with("arn:")) {
    const ArnSplit split = split_arn(text);
    return !split.arn.account.text.empty() ? !has_wildcard(split.arn.account.text) : true;
  }
  return true;
}

// The pin an entry sets when the statement allows, if any.
std::optional<Pin> allow_pin(const ConditionOperator& op, const ConditionEntry& entry) {
  if (op.if_exists || op.base->negated || op.set == SetQualifier::for_all_values ||
      op.base->family == OperatorFamily::null) {
    return std::nullopt;
  }
  const auto& values = entry.values.values;
  if (equal_ignoring_case(entry.key, "aws:MultiFactorAuthPresent") ||
      equal_ignoring_case(entry.key, "aws:PrincipalIsAWSService")) {
    const bool only_true = op.base->family == OperatorFamily::boolean && !values.empty() &&
                           std::all_of(values.begin(), values.end(),
                                       [](const Value& v) { return parse_bool(v.text) == std::optional(true); });
    if (!only_true) {
      return std::nullopt;
    }
    return equal_ignoring_case(entry.key, "aws:MultiFactorAuthPresent") ? Pin::mfa : Pin::service;
  }
  if (equal_ignoring_case(entry.key, "aws:MultiFactorAuthAge")) {
    const bool bounded = op.base->name == "NumericLessThan" || op.base->name == "NumericLessThanEquals";
    return bounded ? std::optional(Pin::mfa) : std::nullopt;
  }
  const auto known = std::find_if(kPinKeys.begin(), kPinKeys.end(),
                                  [&](const PinKey& p) { return equal_ignoring_case(p.key, entry.key); });
  if (known == kPinKeys.end() || values.empty()) {
    return std::nullopt;
  }
  const bool narrows =
      std::all_of(values.begin(), values.end(), [&](const Value& v) { return value_narrows(entry.key, v); });
  return narrows ? std::optional(known->pin) : std::nullopt;
}

}  // namespace

PrincipalRef classify_principal(std::string_view group_type, const Value& value) {
  PrincipalRef ref;
  ref.text = value.text;
  ref.range = value.range;
  ref.value = &value;
  if (group_type == "AWS") {
    return classify_aws(ref);
  }
  if (group_type == "Federated") {
    return classify_federated(ref);
  }
  if (group_type == "Service") {
    ref.kind = value.text == "*" ? PrincipalKind::everyone : PrincipalKind::service;
  } else if (group_type == "CanonicalUser") {
    ref.kind = PrincipalKind::canonical_user;
  }
  return ref;
}

std::vector<PrincipalRef> principals_of(const PrincipalElement& element) {
  std::vector<PrincipalRef> out;
  if (!element.present) {
    return out;
  }
  if (element.wildcard) {
    PrincipalRef everyone;
    everyone.kind = PrincipalKind::everyone;
    everyone.text = "*";
    everyone.range = element.value_range;
    out.push_back(everyone);
    return out;
  }
  for (const PrincipalGroup& group : element.groups) {
    for (const Value& value : group.values.values) {
      if (value.kind == JsonKind::string) {
        out.push_back(classify_principal(group.type, value));
      }
    }
  }
  return out;
}

bool has_partial_wildcard(std::string_view principal) noexcept {
  return principal != "*" && has_wildcard(principal);
}

CallerPins allow_pins(const ConditionElement& condition) {
  CallerPins pins;
  for (const ConditionBlock& block : condition.blocks) {
    const auto op = parse_condition_operator(block.op);
    if (!op) {
      continue;
    }
    for (const ConditionEntry& entry : block.entries) {
      if (const auto pin = allow_pin(*op, entry)) {
        pins.add(*pin);
      }
    }
  }
  return pins;
}

CallerPins deny_exemptions(const ConditionElement& condition) {
  CallerPins pins;
  for (const ConditionBlock& block : condition.blocks) {
    const auto op = parse_condition_operator(block.op);
    for (const ConditionEntry& entry : block.entries) {
      const auto known = std::find_if(kPinKeys.begin(), kPinKeys.end(),
                                      [&](const PinKey& p) { return equal_ignoring_case(p.key, entry.key); });
      const bool exempts = op && op->base->negated && op->set != SetQualifier::for_any_value &&
                           known != kPinKeys.end() && !entry.values.values.empty() &&
                           std::all_of(entry.values.values.begin(), entry.values.values.end(),
                                       [&](const Value& v) { return value_narrows(entry.key, v); });
      if (!exempts) {
        return CallerPins{};
      }
      pins.add(known->pin);
    }
  }
  return pins;
}

bool names_everyone(const Statement& statement) {
  const auto principals = principals_of(statement.principal);
  return std::any_of(principals.begin(), principals.end(),
                     [](const PrincipalRef& p) { return p.kind == PrincipalKind::everyone; });
}

std::vector<std::pair<const ConditionBlock*, const ConditionEntry*>> entries_on(const ConditionElement& condition,
                                                                                std::string_view key) {
  std::vector<std::pair<const ConditionBlock*, const ConditionEntry*>> out;
  for (const ConditionBlock& block : condition.blocks) {
    for (const ConditionEntry& entry : block.entries) {
      if (equal_ignoring_case(entry.key, key)) {
        out.emplace_back(&block, &entry);
      }
    }
  }
  return out;
}

std::vector<const Value*> required_values(const ConditionElement& condition, std::string_view key) {
  std::vector<const Value*> out;
  for (const auto& [block, entry] : entries_on(condition, key)) {
    const auto op = parse_condition_operator(block->op);
    if (!op || op->if_exists || op->base->negated || op->base->family == OperatorFamily::null) {
      continue;
    }
    for (const Value& value : entry->values.values) {
      out.push_back(&value);
    }
  }
  return out;
}

std::span<const std::string> trusted_accounts(const LintOptions& options) noexcept {
  const auto found = options.rule_options.find("trusted-accounts");
  return found == options.rule_options.end() ? std::span<const std::string>() : std::span(found->second);
}

bool allows_assume_role(const Statement& statement) {
  if (statement.effect != Effect::allow || !statement.action.present) {
    return false;
  }
  return std::any_of(statement.action.values.begin(), statement.action.values.end(), [](const Value& v) {
    return v.text == "*" || glob_match(v.text, "sts:AssumeRole", CaseSensitivity::insensitive) ||
           starts_with_ignoring_case(v.text, "sts:AssumeRole");
  });
}

}  // namespace policylint::analysis
