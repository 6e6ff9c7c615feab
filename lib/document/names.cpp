// String forms of the model's enums.
#include <array>

#include "text/text.hpp"

#include "policylint/finding.hpp"
#include "policylint/policy.hpp"
#include "policylint/policy_type.hpp"

namespace policylint {
namespace {

constexpr std::array kPolicyTypes = {PolicyType::identity, PolicyType::resource, PolicyType::trust,
                                     PolicyType::scp,      PolicyType::rcp,      PolicyType::boundary,
                                     PolicyType::session,  PolicyType::endpoint};

constexpr std::array<std::string_view, 8> kPolicyTypeNames = {"identity", "resource", "trust",   "scp",
                                                              "rcp",      "boundary", "session", "endpoint"};

constexpr std::array<std::string_view, 4> kSeverityNames = {"suggestion", "warning", "security", "error"};

constexpr std::array kCategories = {
    Category::syntax,          Category::validity,       Category::admin_access,
    Category::privilege_escalation, Category::data_access, Category::credentials_exposure,
    Category::resource_exposure,    Category::public_access, Category::cross_account,
    Category::federation,      Category::mfa,            Category::defense_evasion,
    Category::least_privilege, Category::hygiene,        Category::secrets,
    Category::style};

constexpr std::array<std::string_view, 16> kCategoryNames = {
    "syntax",          "validity",      "admin-access",      "privilege-escalation",
    "data-access",     "credentials-exposure", "resource-exposure", "public-access",
    "cross-account",   "federation",    "mfa",               "defense-evasion",
    "least-privilege", "hygiene",       "secrets",           "style"};

template <typename Enum, std::size_t N>
std::optional<Enum> parse_name(std::string_view name, const std::array<std::string_view, N>& names) noexcept {
  for (std::size_t i = 0; i < N; ++i) {
    if (equal_ignoring_case(name, names[i])) {
      return static_cast<Enum>(i);
    }
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(PolicyType type) noexcept { return kPolicyTypeNames[static_cast<std::size_t>(type)]; }

std::optional<PolicyType> parse_policy_type(std::string_view name) noexcept {
  return parse_name<PolicyType>(name, kPolicyTypeNames);
}

std::span<const PolicyType> all_policy_types() noexcept { return kPolicyTypes; }

std::string_view to_string(Severity severity) noexcept { return kSeverityNames[static_cast<std::size_t>(severity)]; }

std::optional<Severity> parse_severity(std::string_view name) noexcept {
  return parse_name<Severity>(name, kSeverityNames);
}

std::string_view to_string(Category category) noexcept {
  return kCategoryNames[static_cast<std::size_t>(category)];
}

std::optional<Category> parse_category(std::string_view name) noexcept {
  return parse_name<Category>(name, kCategoryNames);
}

std::span<const Category> all_categories() noexcept { return kCategories; }

std::string_view to_string(JsonKind kind) noexcept {
  constexpr std::array<std::string_view, 6> names = {"null", "boolean", "number", "string", "array", "object"};
  return names[static_cast<std::size_t>(kind)];
}

}  // namespace policylint
