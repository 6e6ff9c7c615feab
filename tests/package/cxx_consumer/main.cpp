// A C++ program built against an installed policylint through its public C++
// headers only (the umbrella header): lints a policy, alone and in a
// workspace, and renders the JSON report.
#include <policylint/policylint.hpp>

#include <cstdio>
#include <string_view>

int main() {
  const policylint::Linter linter;
  const policylint::LintResult result = linter.lint(
      "policy.json",
      R"({"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}]})");
  const std::string json = policylint::render_json({&result, 1}, policylint::RunSummary::of({&result, 1}));
  const policylint::RuleInfo* rule = policylint::find_rule("PL108");
  policylint::Workspace workspace;
  workspace.add_buffer("policy.json", std::string(result.source ? *result.source : std::string()));
  const std::vector<policylint::LintResult> in_workspace = workspace.lint_all();
  const bool ok = json.find("\"PL108\"") != std::string::npos && rule != nullptr && in_workspace.size() == 1 &&
                  in_workspace.front().findings.size() == result.findings.size() &&
                  rule->name == "invalid-effect" && std::string_view(policylint::version()) == POLICYLINT_VERSION_STRING;
  std::printf("policylint %s, %zu rules: %s\n", policylint::version(), policylint::all_rules().size(),
              ok ? "ok" : "unexpected report");
  return ok ? 0 : 1;
}
