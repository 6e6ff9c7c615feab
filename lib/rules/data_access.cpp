#include <array>

#include "rules/grant_findings.hpp"

namespace policylint::rules {
namespace {

// Reading a secret store is reading every credential kept in it; keeping
// keys out of code helps only while the store is not readable by everyone.
constexpr std::array<std::string_view, 8> kSecretReads = {
    "secretsmanager:GetSecretValue",
    "secretsmanager:BatchGetSecretValue",
    "ssm:GetParameter",
    "ssm:GetParameters",
    "ssm:GetParametersByPath",
    "ssm:GetParameterHistory",
    "kms:Decrypt",
    "lambda:GetFunction",
};

constexpr std::array<std::string_view, 16> kDataReads = {
    "s3:GetObject",
    "s3:GetObjectVersion",
    "dynamodb:GetItem",
    "dynamodb:BatchGetItem",
    "dynamodb:Query",
    "dynamodb:Scan",
    "dynamodb:PartiQLSelect",
    "rds-data:ExecuteStatement",
    "rds-data:BatchExecuteStatement",
    "redshift-data:GetStatementResult",
    "athena:GetQueryResults",
    "sqs:ReceiveMessage",
    "kinesis:GetRecords",
    "glacier:GetJobOutput",
    "ec2:GetPasswordData",
    "logs:GetLogEvents",
};

void check(PolicyContext& context) {
  static const std::vector<catalog::ActionView> secrets = catalog::expand_any(kSecretReads);
  static const std::vector<catalog::ActionView> data = catalog::expand_any(kDataReads);
  const std::array<SensitiveActions, 2> groups = {{
      {secrets, "lets the holder read secrets",
       "name the secrets, parameters and keys it needs in Resource, or add a condition such as aws:ResourceTag",
       Severity::security},
      {data, "lets the holder read stored data",
       "name the buckets, tables and streams it needs in Resource, or add a condition such as aws:ResourceTag",
       Severity::warning},
  }};
  report_unscoped_grants(context, groups);
}

}  // namespace

extern const Rule data_access{
    {"PL302", "data-access", Severity::security, Category::data_access,
     "Secrets or stored data readable on every resource"},
    check,
};

}  // namespace policylint::rules
