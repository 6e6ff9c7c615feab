#include <array>

#include "rules/grant_findings.hpp"

namespace policylint::rules {
namespace {

// Actions that mint new credentials or reveal existing ones. Not
// ecr:GetAuthorizationToken: its token carries only the caller's own ECR
// permissions, and the action takes nothing but "Resource": "*", so every
// image pull policy needs it as written.
constexpr std::array<std::string_view, 18> kCredentialActions = {
    "iam:CreateAccessKey",
    "iam:UpdateAccessKey",
    "iam:CreateServiceSpecificCredential",
    "iam:ResetServiceSpecificCredential",
    "sts:AssumeRole",
    "sts:GetFederationToken",
    "redshift:GetClusterCredentials",
    "redshift:GetClusterCredentialsWithIAM",
    "redshift-serverless:GetCredentials",
    "cognito-identity:GetCredentialsForIdentity",
    "cognito-idp:AdminSetUserPassword",
    "cognito-idp:AdminResetUserPassword",
    "cognito-idp:AdminInitiateAuth",
    "sso:GetRoleCredentials",
    "lightsail:GetInstanceAccessDetails",
    "lightsail:DownloadDefaultKeyPair",
    "lightsail:GetRelationalDatabaseMasterUserPassword",
    "codeartifact:GetAuthorizationToken",
};

void check(PolicyContext& context) {
  static const std::vector<catalog::ActionView> actions = catalog::expand_any(kCredentialActions);
  const std::array<SensitiveActions, 1> groups = {{
      {actions, "lets the holder mint or read credentials",
       "name the users, roles and resources it needs in Resource, or remove these actions", Severity::security},
  }};
  report_unscoped_grants(context, groups);
}

}  // namespace

extern const Rule credentials_exposure{
    {"PL303", "credentials-exposure", Severity::security, Category::credentials_exposure,
     "Credentials can be minted or read on every resource"},
    check,
};

}  // namespace policylint::rules
