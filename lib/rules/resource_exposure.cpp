#include <array>

#include "rules/grant_findings.hpp"

namespace policylint::rules {
namespace {

// Permissions-management actions that rewrite a resource's own policy or
// sharing, which can open the resource to other accounts or to everyone.
constexpr std::array<std::string_view, 30> kResourcePolicyActions = {
    "s3:PutBucketPolicy",
    "s3:DeleteBucketPolicy",
    "s3:PutBucketAcl",
    "s3:PutObjectAcl",
    "s3:PutAccessPointPolicy",
    "s3:PutBucketPublicAccessBlock",
    "s3:PutAccountPublicAccessBlock",
    "kms:PutKeyPolicy",
    "kms:CreateGrant",
    "secretsmanager:PutResourcePolicy",
    "lambda:AddPermission",
    "lambda:AddLayerVersionPermission",
    "sqs:SetQueueAttributes",
    "sqs:AddPermission",
    "sns:SetTopicAttributes",
    "sns:AddPermission",
    "ecr:SetRepositoryPolicy",
    "glacier:SetVaultAccessPolicy",
    "backup:PutBackupVaultAccessPolicy",
    "elasticfilesystem:PutFileSystemPolicy",
    "logs:PutResourcePolicy",
    "events:PutPermission",
    "glue:PutResourcePolicy",
    "ec2:ModifySnapshotAttribute",
    "ec2:ModifyImageAttribute",
    "rds:ModifyDBSnapshotAttribute",
    "rds:ModifyDBClusterSnapshotAttribute",
    "dynamodb:PutResourcePolicy",
    "ram:CreateResourceShare",
    "es:UpdateElasticsearchDomainConfig",
};

void check(PolicyContext& context) {
  static const std::vector<catalog::ActionView> actions = catalog::expand_any(kResourcePolicyActions);
  const std::array<SensitiveActions, 1> groups = {{
      {actions, "lets the holder rewrite resource policies and sharing, and so open resources to anyone,",
       "name the resources it manages in Resource, or remove these actions", Severity::security},
  }};
  report_unscoped_grants(context, groups);
}

}  // namespace

extern const Rule resource_exposure{
    {"PL304", "resource-exposure", Severity::security, Category::resource_exposure,
     "Resource policies can be rewritten on every resource"},
    check,
};

}  // namespace policylint::rules
