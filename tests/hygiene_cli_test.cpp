// End-to-end: credential reports and AWS keys through the policylint CLI, in
// a repository walk and with `policylint credential-report`.
#include <catch2/catch.hpp>

#include "cli_support.hpp"

using policylint::test::CliRun;
using policylint::test::reports;
using policylint::test::run_policylint;
using policylint::test::TempDir;

namespace {

// Made-up keys in the shapes AWS issues.
constexpr const char* kKeyId = "AKIAZ7QWERTY2345ABCD";
constexpr const char* kSecret = "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";

std::string credentials_file() {
  return std::string("[default]\naws_access_key_id = ") + kKeyId + "\naws_secret_access_key = " + kSecret + "\n";
}

const std::string kHeader =
    "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,"
    "mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
    "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
    "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
    "cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n";

// One user: a console password without MFA, one key created 2026-08-01.
const std::string kReport =
    kHeader +
    "alice,arn:aws:iam::111122223333:user/alice,2024-01-10T09:00:00+00:00,true,2026-11-20T08:00:00+00:00,"
    "2024-01-10T09:05:00+00:00,N/A,false,true,2026-08-01T09:00:00+00:00,2026-11-27T10:15:00+00:00,us-east-1,s3,"
    "false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";

}  // namespace

TEST_CASE("a walk finds AWS keys in any text file and masks them everywhere", "[cli][hygiene][secrets]") {
  const TempDir repo;
  repo.write("deploy/credentials", credentials_file());
  repo.write("README.md", "nothing to see\n");
  for (const char* format : {"text", "json", "sarif", "github"}) {
    const CliRun run = run_policylint(repo.path(), std::string("--no-config --format ") + format + " .");
    INFO(format << ":\n" << run.out << run.err);
    CHECK(run.status == 1);
    CHECK(run.out.find(kKeyId) == std::string::npos);
    CHECK(run.out.find(kSecret) == std::string::npos);
    CHECK(run.out.find("AKIA************ABCD") != std::string::npos);
  }
  const CliRun text = run_policylint(repo.path(), "--no-config .");
  CHECK(reports(text, "deploy/credentials:2:21", "PL530"));
  CHECK(reports(text, "deploy/credentials:3:25", "PL531"));
  CHECK(text.out.find("2 findings in 1 file") != std::string::npos);
}

TEST_CASE("The --no-secrets and --ignore flags turn the key scan off", "[cli][hygiene][secrets]") {
  const TempDir repo;
  repo.write("credentials", credentials_file());
  for (const char* options : {"--no-secrets", "--ignore secrets", "--ignore PL53"}) {
    const CliRun run = run_policylint(repo.path(), std::string("--no-config ") + options + " .");
    INFO(options << ":\n" << run.out << run.err);
    CHECK(run.status == 0);
    CHECK(run.out.find("PL53") == std::string::npos);
  }
}

TEST_CASE("a key in a policy file is reported with the policy's findings, and masked in its source lines",
          "[cli][hygiene][secrets]") {
  const TempDir repo;
  repo.write("policy.json", std::string(R"({"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/key": ")") +
                                kKeyId + R"("}}}]})");
  const CliRun run = run_policylint(repo.path(), "--no-config --select PL108,PL530 policy.json");
  INFO(run.out << run.err);
  CHECK(reports(run, "policy.json:1:52", "PL108"));
  CHECK(run.out.find("PL530") != std::string::npos);
  CHECK(run.out.find(kKeyId) == std::string::npos);
}

TEST_CASE("a credential report in a walk is checked and summarised", "[cli][hygiene][credential-report]") {
  const TempDir repo;
  repo.write("audit/credential-report.csv", kReport);
  repo.write("audit/other.csv", "name,email\nalice,alice@example.com\n");
  const CliRun run = run_policylint(repo.path(), "--no-config --as-of 2026-11-28 .");
  INFO(run.out << run.err);
  CHECK(run.status == 1);
  CHECK(reports(run, "audit/credential-report.csv:2:131", "PL510"));
  CHECK(run.out.find("other.csv") == std::string::npos);
  CHECK(run.out.find("IAM users checked") != std::string::npos);
  // The key is 119 days old on that day: within a 120-day limit, over the default 90.
  CHECK(run.out.find("PL511") != std::string::npos);
  const CliRun lenient = run_policylint(repo.path(), "--no-config --as-of 2026-11-28 --max-key-age 120 .");
  CHECK(lenient.out.find("PL511") == std::string::npos);
}

TEST_CASE("credential report thresholds come from the configuration; flags beat it", "[cli][hygiene][config]") {
  const TempDir repo;
  repo.write("audit/credential-report.csv", kReport);
  // The key is 119 days old on the run date.
  repo.write(".policylint.json", R"({"credential-report": {"max-key-age": 120}})");
  CHECK(run_policylint(repo.path(), "--as-of 2026-11-28 .").out.find("PL511") == std::string::npos);
  CHECK(run_policylint(repo.path(), "--as-of 2026-11-28 --max-key-age 90 .").out.find("PL511") != std::string::npos);

  repo.write(".policylint.json", R"({"credential-report": {"max-key-age": "120", "max-key-ages": 1}})");
  const CliRun bad = run_policylint(repo.path(), "--as-of 2026-11-28 .");
  CHECK(bad.status == 2);
  CHECK(bad.err.find(":1:39: 'max-key-age' must be a whole number of days") != std::string::npos);
  CHECK(bad.err.find(":1:46: unknown credential-report threshold 'max-key-ages'; did you mean 'max-key-age'?") !=
        std::string::npos);
}

TEST_CASE("policylint credential-report checks the named reports only", "[cli][hygiene][credential-report]") {
  const TempDir repo;
  repo.write("report.csv", kReport);
  repo.write("notes.txt", "not a report\n");

  const CliRun run = run_policylint(repo.path(), "credential-report --no-config --as-of 2026-11-28 report.csv");
  INFO(run.out << run.err);
  CHECK(run.status == 1);
  CHECK(reports(run, "report.csv:2:131", "PL510"));
  CHECK(run.out.find("  IAM users checked                        1") != std::string::npos);
  CHECK(run.out.find("    with a console password, no MFA        1") != std::string::npos);

  const CliRun json = run_policylint(repo.path(), "credential-report --no-config --as-of 2026-11-28 --format json report.csv");
  CHECK(json.out.find("\"code\": \"PL510\"") != std::string::npos);
  CHECK(json.out.find("IAM users checked") == std::string::npos);  // the table is for people

  const CliRun quiet = run_policylint(repo.path(), "credential-report --no-config --as-of 2026-11-28 --fail-on security "
                                                   "--ignore PL510 report.csv");
  CHECK(quiet.status == 0);

  const CliRun wrong = run_policylint(repo.path(), "credential-report notes.txt");
  CHECK(wrong.status == 2);
  CHECK(wrong.err.find("not an IAM credential report") != std::string::npos);
  CHECK(run_policylint(repo.path(), "credential-report").status == 2);
  CHECK(run_policylint(repo.path(), "credential-report --as-of 2026-13-01 report.csv").status == 2);
  CHECK(run_policylint(repo.path(), "credential-report --max-key-age ninety report.csv").status == 2);
}
