// check_no_public_access: the public grants of a resource or trust policy
// (analysis/public_access.hpp), for the resource types Access Analyzer's
// CheckNoPublicAccess accepts (docs/checks.md).
#include <algorithm>
#include <array>
#include <string>

#include "analysis/access_checks/prepared_policy.hpp"
#include "analysis/access_checks/statement_cover.hpp"
#include "analysis/principal_analysis.hpp"
#include "analysis/public_access.hpp"
#include "policylint/access_checks.hpp"

namespace policylint {
namespace {

constexpr std::array<std::string_view, 26> kResourceTypes = {"AWS::DynamoDB::Stream",
                                                             "AWS::DynamoDB::Table",
                                                             "AWS::EFS::FileSystem",
                                                             "AWS::OpenSearchService::Domain",
                                                             "AWS::Kinesis::Stream",
                                                             "AWS::Kinesis::StreamConsumer",
                                                             "AWS::KMS::Key",
                                                             "AWS::Lambda::Function",
                                                             "AWS::S3::Bucket",
                                                             "AWS::S3::AccessPoint",
                                                             "AWS::S3Express::DirectoryBucket",
                                                             "AWS::S3::Glacier",
                                                             "AWS::S3Outposts::Bucket",
                                                             "AWS::S3Outposts::AccessPoint",
                                                             "AWS::S3::MultiRegionAccessPoint",
                                                             "AWS::S3Tables::TableBucket",
                                                             "AWS::S3Tables::Table",
                                                             "AWS::SecretsManager::Secret",
                                                             "AWS::SNS::Topic",
                                                             "AWS::SQS::Queue",
                                                             "AWS::IAM::AssumeRolePolicyDocument",
                                                             "AWS::ECR::Repository",
                                                             "AWS::Glue",
                                                             "AWS::Backup::BackupVault",
                                                             "AWS::CloudTrail::Dashboard",
                                                             "AWS::CloudTrail::EventDataStore"};

constexpr std::string_view kPins =
    "aws:PrincipalAccount, aws:PrincipalOrgID, aws:PrincipalArn, aws:SourceAccount, aws:SourceArn, aws:SourceOrgID, "
    "aws:SourceVpc, aws:SourceVpce or aws:SourceIp";

}  // namespace

std::span<const std::string_view> public_access_resource_types() noexcept { return kResourceTypes; }

bool is_public_access_resource_type(std::string_view type) noexcept {
  return std::find(kResourceTypes.begin(), kResourceTypes.end(), type) != kResourceTypes.end();
}

CheckResult check_no_public_access(const NamedPolicy& policy, std::string_view resource_type) {
  CheckResult result;
  const std::string type_note = " of this " + std::string(resource_type);
  for (const analysis::PublicGrant& grant : analysis::public_grants(*policy.policy)) {
    CheckIssue issue = analysis::issue_at(CheckIssueKind::public_access, policy, *grant.statement);
    issue.actions = analysis::describe_actions(grant.actions);
    issue.resource = analysis::describe_scope(analysis::resource_scopes(*grant.statement).front());
    issue.condition = analysis::describe_conditions(analysis::condition_atoms(grant.statement->condition, false));
    issue.message = "Principal " + std::string(grant.principal.text == "*" ? "\"*\"" : grant.principal.text) +
                    " is granted " + issue.actions + type_note + " with no condition on " + std::string(kPins) +
                    " that restricts the caller";
    result.issues.push_back(std::move(issue));
  }
  // An Allow with NotPrincipal grants every caller but the few it names.
  for (const Statement& statement : policy.policy->statements) {
    if (statement.effect != Effect::allow || !statement.principals_negated()) continue;
    CheckIssue issue = analysis::issue_at(CheckIssueKind::public_access, policy, statement);
    issue.actions = analysis::describe_actions(analysis::statement_action_set(statement));
    issue.resource = analysis::describe_scope(analysis::resource_scopes(statement).front());
    issue.condition = analysis::describe_conditions(analysis::condition_atoms(statement.condition, false));
    issue.message =
        "NotPrincipal in an Allow grants " + issue.actions + type_note + " to every caller but the principals it names";
    result.issues.push_back(std::move(issue));
  }
  result.passed = result.issues.empty();
  return result;
}

}  // namespace policylint
