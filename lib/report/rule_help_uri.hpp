#pragma once
#include <string>
#include <string_view>

namespace policylint::report {

/// Where a rule's documentation page is published.
inline std::string rule_help_uri(std::string_view code) {
  return "https://github.com/policylint/policylint/blob/main/docs/rules/" + std::string(code) + ".md";
}

}  // namespace policylint::report
