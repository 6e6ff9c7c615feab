// End-to-end: --write-baseline and --baseline.
#include <catch2/catch.hpp>

#include "cli_support.hpp"

using policylint::test::CliRun;
using policylint::test::kPolicyWithError;
using policylint::test::run_policylint;
using policylint::test::TempDir;

TEST_CASE("a baseline hides recorded findings after lines move, and shows new ones", "[cli][baseline]") {
  const TempDir repo;
  repo.write("p.json", kPolicyWithError);
  const CliRun written = run_policylint(repo.path(), "--no-config --select PL1 --write-baseline baseline.json p.json");
  CHECK(written.status == 0);
  CHECK(written.err.find("recorded 1 finding in baseline.json") != std::string::npos);
  CHECK(repo.read("baseline.json").find("\"code\": \"PL108\"") != std::string::npos);

  // An unrelated statement inserted first moves the old finding down by seven lines.
  repo.write("p.json", R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "List",
      "Effect": "Allow",
      "Action": "s3:ListBucket",
      "Resource": "arn:aws:s3:::example-bucket"
    },
    {
      "Sid": "Read",
      "Effect": "allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::example-bucket/*"
    }
  ]
}
)");
  const CliRun shifted = run_policylint(repo.path(), "--no-config --select PL1 --baseline baseline.json p.json");
  CHECK(shifted.status == 0);
  CHECK(shifted.out == "0 findings in 1 file; 1 more in the baseline\n");

  // A new finding of the same rule elsewhere is reported.
  repo.write("p.json", R"({
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "List", "Effect": "deny", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::example-bucket"},
    {"Sid": "Read", "Effect": "allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example-bucket/*"}
  ]
}
)");
  const CliRun added =
      run_policylint(repo.path(), "--no-config --select PL1 --no-source --baseline baseline.json p.json");
  CHECK(added.status == 1);
  CHECK(added.out.rfind("p.json:4:31: error: ", 0) == 0);
  CHECK(added.out.find("p.json:5:") == std::string::npos);
  CHECK(added.out.find("1 more in the baseline") != std::string::npos);
}

TEST_CASE("a missing or malformed baseline is an error", "[cli][baseline]") {
  const TempDir repo;
  repo.write("p.json", kPolicyWithError);
  repo.write("not-a-baseline.json", R"({"findings": 3})");
  CHECK(run_policylint(repo.path(), "--no-config --baseline nosuch.json p.json").status == 2);
  const CliRun bad = run_policylint(repo.path(), "--no-config --baseline not-a-baseline.json p.json");
  CHECK(bad.status == 2);
  CHECK(bad.err.find("not a policylint baseline") != std::string::npos);
}
