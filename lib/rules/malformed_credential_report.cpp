#include "hygiene/credential_report.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

void check(CredentialReportContext& context) {
  for (const hygiene::CsvProblem& problem : context.credential_report().report.problems) {
    context.report(problem.range, problem.message);
  }
}

}  // namespace

extern const Rule malformed_credential_report{
    {"PL500", "malformed-credential-report", Severity::error, Category::hygiene,
     "A credential report that cannot be read as AWS writes it"},
    check,
};

}  // namespace policylint::rules
