#include "policylint/glob.hpp"
#include "rules/principals.hpp"

namespace policylint::rules {
namespace {

constexpr std::string_view kGitHub = "token.actions.githubusercontent.com";
constexpr std::string_view kSubject = "token.actions.githubusercontent.com:sub";

/// The repository a "repo:OWNER/REPO:CONTEXT" subject names, and the context
/// after it; both empty when the subject does not name one repository
/// without wildcards.
struct SubjectParts {
  std::string_view repository;
  std::string_view context;
};

SubjectParts split_subject(std::string_view subject) {
  constexpr std::string_view kRepo = "repo:";
  if (!subject.starts_with(kRepo)) {
    return {};
  }
  const std::string_view rest = subject.substr(kRepo.size());
  const std::size_t context_start = rest.find(':');
  const std::string_view repository = rest.substr(0, context_start);
  if (context_start == std::string_view::npos || has_wildcard(repository) ||
      repository.find('/') == std::string_view::npos) {
    return {};
  }
  return {repository, rest.substr(context_start + 1)};
}

// A subject pins one repository and a branch, tag, environment or pull
// request: "repo:OWNER/REPO:ref:refs/heads/main", "repo:OWNER/REPO:environment:prod".
// Wildcards may stand only inside the ref or environment name.
bool pins_repository_and_context(std::string_view subject) {
  if (!subject.starts_with("repo:")) {
    return !has_wildcard(subject);  // a custom subject format without wildcards
  }
  const std::string_view context = split_subject(subject).context;
  for (const std::string_view kind : {"ref:", "environment:"}) {
    if (context.starts_with(kind) && context.size() > kind.size() && context[kind.size()] != '*') {
      return true;
    }
  }
  return context == "pull_request";
}

void report_subject(PolicyContext& context, const Statement& statement, const Value& subject) {
  const std::string_view repository = split_subject(subject.text).repository;
  const std::string fix =
      "name one repository and a branch or environment, e.g. \"repo:OWNER/REPO:ref:refs/heads/main\" or "
      "\"repo:OWNER/REPO:environment:prod\"";
  if (repository.empty()) {
    context.report(subject.range,
                   "the subject \"" + subject.text +
                       "\" lets workflows of other repositories, branches or forks assume this role: " + fix,
                   &statement, subject.text);
    return;
  }
  // Only the branch, environment or event is open, inside a repository the
  // owner controls: a least-privilege gap, not a door for other repositories
  // (Access Analyzer: SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED, a warning).
  Finding& finding = context.report(subject.range,
                                    "the subject \"" + subject.text + "\" lets every branch, environment or event of " +
                                        std::string(repository) + " assume this role: " + fix,
                                    &statement, subject.text);
  finding.severity = Severity::warning;
}

void check(PolicyContext& context) {
  for_each_trusted_principal(
      context, analysis::PrincipalKind::oidc_provider, is_allow,
      [&](const Statement& statement, const analysis::PrincipalRef& principal) {
        if (principal.provider != kGitHub) {
          return;
        }
        const auto subjects = analysis::required_values(statement.condition, kSubject);
        if (subjects.empty()) {
          context.report(principal.range,
                         "every GitHub Actions workflow of every repository can assume this role: require "
                         "\"token.actions.githubusercontent.com:sub\" (StringEquals or StringLike), e.g. "
                         "\"repo:OWNER/REPO:ref:refs/heads/main\" or \"repo:OWNER/REPO:environment:prod\"",
                         &statement, std::string(kSubject));
          return;
        }
        for (const Value* subject : subjects) {
          if (!pins_repository_and_context(subject->text)) {
            report_subject(context, statement, *subject);
          }
        }
      });
}

}  // namespace

extern const Rule github_oidc_subject_too_broad{
    {"PL403", "github-oidc-subject-too-broad", Severity::security, Category::federation,
     "A GitHub Actions trust policy does not pin the repository and branch or environment"},
    check,
};

}  // namespace policylint::rules
