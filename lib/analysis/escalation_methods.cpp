#include "analysis/escalation_methods.hpp"

namespace policylint::analysis {
namespace {

using K = EscalationKind;

constexpr std::string_view kRhino = "Rhino Security Labs, AWS IAM Privilege Escalation - Methods and Mitigation (2018)";
constexpr std::string_view kHackingTheCloud = "hackingthe.cloud, AWS IAM privilege escalation techniques";
constexpr std::string_view kBishopFox = "Bishop Fox, iam-vulnerable privilege escalation paths (2021)";

// clang-format off
constexpr EscalationMethod kEscalationMethods[] = {
  {"create-policy-version", "iam:CreatePolicyVersion", "", K::direct,
   "write a new default version of a customer managed policy attached to itself", kRhino},
  {"set-default-policy-version", "iam:SetDefaultPolicyVersion", "", K::direct,
   "make a more permissive old version of its policy the default", kRhino},
  {"create-access-key", "iam:CreateAccessKey", "", K::direct,
   "create access keys for a more privileged user", kRhino},
  {"create-login-profile", "iam:CreateLoginProfile", "", K::direct,
   "give a more privileged user a console password it knows", kRhino},
  {"update-login-profile", "iam:UpdateLoginProfile", "", K::direct,
   "change a more privileged user's console password", kRhino},
  {"attach-user-policy", "iam:AttachUserPolicy", "", K::direct,
   "attach AdministratorAccess to its own user", kRhino},
  {"attach-group-policy", "iam:AttachGroupPolicy", "", K::direct,
   "attach AdministratorAccess to a group it belongs to", kRhino},
  {"attach-role-policy", "iam:AttachRolePolicy", "", K::direct,
   "attach AdministratorAccess to its own role or one it can assume", kRhino},
  {"put-user-policy", "iam:PutUserPolicy", "", K::direct,
   "write an inline policy granting everything on its own user", kRhino},
  {"put-group-policy", "iam:PutGroupPolicy", "", K::direct,
   "write an inline policy granting everything on a group it belongs to", kRhino},
  {"put-role-policy", "iam:PutRolePolicy", "", K::direct,
   "write an inline policy granting everything on its own role", kRhino},
  {"add-user-to-group", "iam:AddUserToGroup", "", K::direct,
   "add itself to a more privileged group", kRhino},
  {"update-assume-role-policy", "iam:UpdateAssumeRolePolicy & sts:AssumeRole", "", K::direct,
   "let itself into a more privileged role's trust policy, then assume the role", kRhino},
  {"pass-role-ec2", "iam:PassRole & ec2:RunInstances", "ec2.amazonaws.com", K::new_resource,
   "launch an instance with a privileged instance profile and use its credentials", kRhino},
  {"pass-role-ec2-instance-profile",
   "iam:PassRole & ec2:AssociateIamInstanceProfile|ec2:ReplaceIamInstanceProfileAssociation", "ec2.amazonaws.com",
   K::new_resource,
   "attach a privileged role's instance profile to an instance it controls and use its credentials",
   kHackingTheCloud},
  {"pass-role-lambda", "iam:PassRole & lambda:CreateFunction & lambda:InvokeFunction|lambda:CreateEventSourceMapping|lambda:AddPermission",
   "lambda.amazonaws.com", K::new_resource,
   "create a function with a privileged role and invoke or trigger it", kRhino},
  {"pass-role-glue-dev-endpoint", "iam:PassRole & glue:CreateDevEndpoint", "glue.amazonaws.com", K::new_resource,
   "create a Glue development endpoint with a privileged role and log in to it", kRhino},
  {"pass-role-glue-job", "iam:PassRole & glue:CreateJob & glue:StartJobRun|glue:CreateTrigger", "glue.amazonaws.com",
   K::new_resource, "create a Glue job with a privileged role and run it", kHackingTheCloud},
  {"pass-role-cloudformation", "iam:PassRole & cloudformation:CreateStack", "cloudformation.amazonaws.com",
   K::new_resource, "create a stack with a privileged service role that creates what it asks for", kRhino},
  {"pass-role-cloudformation-stack-set", "iam:PassRole & cloudformation:CreateStackSet & cloudformation:CreateStackInstances",
   "cloudformation.amazonaws.com", K::new_resource,
   "create a stack set run by a privileged administration role", kHackingTheCloud},
  {"pass-role-cloudformation-change-set", "iam:PassRole & cloudformation:CreateChangeSet & cloudformation:ExecuteChangeSet",
   "cloudformation.amazonaws.com", K::new_resource,
   "create and execute a change set under a privileged service role", kBishopFox},
  {"pass-role-data-pipeline", "iam:PassRole & datapipeline:CreatePipeline & datapipeline:PutPipelineDefinition",
   "datapipeline.amazonaws.com", K::new_resource,
   "define a pipeline whose activities run commands as a privileged role", kRhino},
  {"pass-role-codebuild", "iam:PassRole & codebuild:CreateProject & codebuild:StartBuild|codebuild:StartBuildBatch",
   "codebuild.amazonaws.com", K::new_resource,
   "create a build project with a privileged service role and run a build", kBishopFox},
  {"pass-role-sagemaker-notebook", "iam:PassRole & sagemaker:CreateNotebookInstance", "sagemaker.amazonaws.com",
   K::new_resource, "create a notebook instance with a privileged role and run code in it", kBishopFox},
  {"pass-role-sagemaker-training-job", "iam:PassRole & sagemaker:CreateTrainingJob", "sagemaker.amazonaws.com",
   K::new_resource, "run a training job whose container runs as a privileged role", kHackingTheCloud},
  {"pass-role-sagemaker-processing-job", "iam:PassRole & sagemaker:CreateProcessingJob", "sagemaker.amazonaws.com",
   K::new_resource, "run a processing job whose container runs as a privileged role", kHackingTheCloud},
  {"pass-role-ecs", "iam:PassRole & ecs:RegisterTaskDefinition & ecs:RunTask|ecs:StartTask|ecs:CreateService",
   "ecs-tasks.amazonaws.com", K::new_resource,
   "register a task definition with a privileged task role and run it", kHackingTheCloud},
  {"pass-role-apprunner", "iam:PassRole & apprunner:CreateService", "tasks.apprunner.amazonaws.com", K::new_resource,
   "create an App Runner service with a privileged instance role", kHackingTheCloud},
  {"pass-role-autoscaling-launch-configuration",
   "iam:PassRole & autoscaling:CreateLaunchConfiguration & autoscaling:CreateAutoScalingGroup|autoscaling:UpdateAutoScalingGroup",
   "ec2.amazonaws.com", K::new_resource,
   "start instances with a privileged instance profile through a launch configuration", kHackingTheCloud},
  {"pass-role-autoscaling-launch-template",
   "iam:PassRole & ec2:CreateLaunchTemplate & autoscaling:CreateAutoScalingGroup|autoscaling:UpdateAutoScalingGroup",
   "ec2.amazonaws.com", K::new_resource,
   "start instances with a privileged instance profile through a launch template", kHackingTheCloud},
  {"update-lambda-code", "lambda:UpdateFunctionCode", "", K::existing_resource,
   "replace the code of a function that runs as a privileged role", kRhino},
  {"update-glue-dev-endpoint", "glue:UpdateDevEndpoint", "", K::existing_resource,
   "add its SSH key to a Glue development endpoint that has a privileged role", kRhino},
  {"update-cloudformation-stack", "cloudformation:UpdateStack", "", K::existing_resource,
   "update a stack whose service role is privileged so it creates what it asks for", kHackingTheCloud},
  {"start-codebuild-build", "codebuild:StartBuild|codebuild:StartBuildBatch", "", K::existing_resource,
   "run a build of a project with a privileged service role, overriding its buildspec", kHackingTheCloud},
  {"ssm-send-command", "ssm:SendCommand", "", K::existing_resource,
   "run commands on an instance with a privileged instance profile", kHackingTheCloud},
  {"ssm-start-session", "ssm:StartSession", "", K::existing_resource,
   "open a shell on an instance with a privileged instance profile", kHackingTheCloud},
  {"ec2-instance-connect", "ec2-instance-connect:SendSSHPublicKey", "", K::existing_resource,
   "push an SSH key to an instance with a privileged instance profile and log in", kHackingTheCloud},
  {"sagemaker-presigned-notebook-url", "sagemaker:CreatePresignedNotebookInstanceUrl", "", K::existing_resource,
   "open a notebook instance that has a privileged role", kHackingTheCloud},
  {"ec2-user-data", "ec2:ModifyInstanceAttribute & ec2:StopInstances & ec2:StartInstances", "", K::existing_resource,
   "replace an instance's user data and restart it to run code as its instance profile", kHackingTheCloud},
  {"ecs-execute-command", "ecs:ExecuteCommand", "", K::existing_resource,
   "open a shell in a running task with a privileged task role", kHackingTheCloud},
};
// clang-format on

/// Calls visit(part) for each part of `text` between separators.
template <class Visit>
void split(std::string_view text, std::string_view separator, Visit visit) {
  while (true) {
    const std::size_t at = text.find(separator);
    visit(text.substr(0, at));
    if (at == std::string_view::npos) {
      return;
    }
    text.remove_prefix(at + separator.size());
  }
}

}  // namespace

std::span<const EscalationMethod> escalation_methods() noexcept { return kEscalationMethods; }

EscalationSteps resolve_steps(const EscalationMethod& method) {
  EscalationSteps resolved;
  split(method.requirement, " & ", [&](std::string_view step) {
    std::vector<catalog::ActionView>& alternatives = resolved.steps.emplace_back();
    split(step, "|", [&](std::string_view name) {
      if (const auto action = catalog::find_action(name)) {
        alternatives.push_back(*action);
      } else {
        resolved.unknown_actions.push_back(name);
      }
    });
  });
  return resolved;
}

}  // namespace policylint::analysis
