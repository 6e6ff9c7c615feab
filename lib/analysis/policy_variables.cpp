#include "analysis/policy_variables.hpp"

namespace policylint::analysis {
namespace {

bool is_escape(std::string_view body) noexcept { return body == "*" || body == "?" || body == "$"; }

/// Reads the text between "${" and "}" (body) into `variable`.
void read_body(std::string_view body, PolicyVariable& variable) {
  if (body.empty()) {
    variable.problem = VariableProblem::empty;
    return;
  }
  if (is_escape(body)) {
    variable.escape = true;
    variable.name = body;
    return;
  }
  const std::size_t comma = body.find(',');
  variable.name = body.substr(0, comma);
  if (comma != std::string_view::npos) {
    variable.has_default = true;
    // The only form IAM reads: comma, one space, the value in single quotes.
    const std::string_view rest = body.substr(comma + 1);
    const bool quoted = rest.size() >= 3 && rest.starts_with(" '") && rest.ends_with('\'');
    if (!quoted) {
      variable.problem = VariableProblem::bad_default;
      return;
    }
    variable.default_value = rest.substr(2, rest.size() - 3);
  }
  if (variable.name.empty()) {
    variable.problem = VariableProblem::empty;
  } else if (variable.name.find_first_of(" \t") != std::string_view::npos) {
    variable.problem = VariableProblem::space;
  }
}

}  // namespace

std::vector<PolicyVariable> find_policy_variables(std::string_view text) {
  std::vector<PolicyVariable> variables;
  std::size_t from = 0;
  while (true) {
    const std::size_t start = text.find("${", from);
    if (start == std::string_view::npos) {
      break;
    }
    PolicyVariable& variable = variables.emplace_back();
    variable.offset = start;
    const std::size_t close = text.find('}', start + 2);
    const std::size_t next = text.find("${", start + 2);
    if (close == std::string_view::npos || next < close) {
      // Unclosed: it runs up to the next variable, or to the end.
      const std::size_t stop = next == std::string_view::npos ? text.size() : next;
      variable.size = stop - start;
      variable.problem = VariableProblem::missing_brace;
      variable.name = text.substr(start + 2, stop - start - 2);
      from = stop;
      continue;
    }
    variable.size = close + 1 - start;
    read_body(text.substr(start + 2, close - start - 2), variable);
    from = close + 1;
  }
  return variables;
}

}  // namespace policylint::analysis
