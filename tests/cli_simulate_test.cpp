// `policylint simulate` end to end: a single request with its exit status,
// text and JSON output, organization levels, usage errors, and batch mode
// going on past a malformed line.
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_support.hpp"

using policylint::test::CliRun;
using policylint::test::run_policylint;
using policylint::test::TempDir;

namespace {

const char* kIdentity = R"({
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/${aws:username}/*"},
    {"Sid": "NoDelete", "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}
  ]
})";

const char* kAllowAll = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})";
const char* kDenyS3 = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]})";

const std::string kAlice = " --principal arn:aws:iam::111122223333:user/alice --context aws:username=alice";

}  // namespace

TEST_CASE("simulate: a request an identity policy allows exits 0 and names the statement", "[cli][simulate]") {
  TempDir dir;
  dir.write("id.json", kIdentity);
  const CliRun run = run_policylint(dir.path(), "simulate --action s3:GetObject --resource arn:aws:s3:::bucket/alice/a" +
                                                    kAlice + " --identity id.json");
  CHECK(run.status == 0);
  CHECK(run.out.find("Allowed") == 0);
  CHECK(run.out.find("id.json:4:5: statement 0 (Read) Allow: applies") != std::string::npos);
}

TEST_CASE("simulate: a variable that resolves elsewhere denies implicitly with exit 1", "[cli][simulate]") {
  TempDir dir;
  dir.write("id.json", kIdentity);
  const CliRun run = run_policylint(dir.path(), "simulate --action s3:GetObject --resource arn:aws:s3:::bucket/bob/a" +
                                                    kAlice + " --identity id.json");
  CHECK(run.status == 1);
  CHECK(run.out.find("ImplicitlyDenied") == 0);
}

TEST_CASE("simulate: JSON output carries the explicit deny and its statement", "[cli][simulate]") {
  TempDir dir;
  dir.write("id.json", kIdentity);
  const CliRun run =
      run_policylint(dir.path(), "simulate --format json --action s3:DeleteObject --resource arn:aws:s3:::bucket/alice/a" +
                                     kAlice + " --identity id.json");
  CHECK(run.status == 1);
  const nlohmann::json out = nlohmann::json::parse(run.out);
  CHECK(out["decision"] == "ExplicitlyDenied");
  CHECK(out["explain"]["deniedBy"] == nlohmann::json::array({"identity"}));
  CHECK(out["explain"]["policies"][0]["statements"][1]["applies"] == true);
  CHECK(out["explain"]["policies"][0]["statements"][1]["sid"] == "NoDelete");
}

TEST_CASE("simulate: every SCP level must allow; --level separates them", "[cli][simulate]") {
  TempDir dir;
  dir.write("id.json", kAllowAll);
  dir.write("all.json", kAllowAll);
  dir.write("deny.json", kDenyS3);
  dir.write("ec2.json", R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}]})");
  const std::string request = "simulate --action s3:GetObject --resource arn:aws:s3:::b/k" + kAlice + " --identity id.json";
  CHECK(run_policylint(dir.path(), request + " --scp all.json --level --scp all.json").status == 0);
  const CliRun second_level = run_policylint(dir.path(), request + " --scp all.json --level --scp ec2.json");
  CHECK(second_level.status == 1);
  CHECK(second_level.out.find("ImplicitlyDenied") == 0);
  CHECK(second_level.out.find("denied by: scp") != std::string::npos);
  // In one level the two SCPs are a union: ec2.json does not take away what all.json allows.
  CHECK(run_policylint(dir.path(), request + " --scp all.json --scp ec2.json").status == 0);
  // RCP statements name their principals ("*"); one without Principal applies to nobody.
  dir.write("rcp-all.json", R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]})");
  dir.write("rcp-deny.json", R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"}]})");
  CHECK(run_policylint(dir.path(), request + " --rcp rcp-deny.json").out.find("ExplicitlyDenied") == 0);
  CHECK(run_policylint(dir.path(), request + " --rcp all.json").status == 1);
  // --level alone makes no level: the SCP after it is in the first SCP level.
  CHECK(run_policylint(dir.path(), request + " --rcp rcp-all.json --level --scp all.json").status == 0);
}

TEST_CASE("simulate: usage errors exit 2", "[cli][simulate]") {
  TempDir dir;
  dir.write("bad.json", "{\"Version\": ");
  CHECK(run_policylint(dir.path(), "simulate --resource x --principal 123456789012").status == 2);
  CHECK(run_policylint(dir.path(), "simulate --action s3:GetObject --resource x").status == 2);
  CHECK(run_policylint(dir.path(), "simulate --action a:b --resource x --anonymous --bogus").status == 2);
  CHECK(run_policylint(dir.path(), "simulate --action a:b --resource x --anonymous --identity missing.json").status == 2);
  const CliRun bad = run_policylint(dir.path(), "simulate --action a:b --resource x --anonymous --identity bad.json");
  CHECK(bad.status == 2);
  CHECK(bad.err.find("bad.json:1:") == 0);
  CHECK(run_policylint(dir.path(), "simulate --help").status == 0);
}

TEST_CASE("simulate --batch: one JSON line per case, errors in line, exit 0", "[cli][simulate]") {
  TempDir dir;
  const std::string allowed = R"({"name": "one", "request": {"action": "s3:GetObject", "resource": {"resource": "arn:aws:s3:::b/k", "accountId": "111122223333"}, "principal": "arn:aws:iam::111122223333:user/alice"}, "identityPolicies": [)" +
                              std::string(kAllowAll) + "]}";
  const std::string anonymous = R"({"name": "two", "request": {"action": "s3:GetObject", "resource": {"resource": "arn:aws:s3:::b/k", "accountId": "111122223333"}, "principal": {"type": "Anonymous"}}, "identityPolicies": []})";
  dir.write("cases.jsonl", allowed + "\n{not json\n" + R"({"name": "three", "request": {"resource": {}}})" + "\n\n" + anonymous + "\n");
  const CliRun run = run_policylint(dir.path(), "simulate --batch cases.jsonl");
  CHECK(run.status == 0);
  std::vector<nlohmann::json> lines;
  std::size_t from = 0;
  while (from < run.out.size()) {
    const std::size_t end = run.out.find('\n', from);
    lines.push_back(nlohmann::json::parse(run.out.substr(from, end - from)));
    from = end + 1;
  }
  REQUIRE(lines.size() == 4);
  CHECK(lines[0]["name"] == "one");
  CHECK(lines[0]["decision"] == "Allowed");
  CHECK(lines[0]["explain"]["policies"].size() == 1);
  CHECK(lines[1]["name"].is_null());
  CHECK(lines[1].contains("error"));
  CHECK(lines[2]["name"] == "three");
  CHECK(lines[2]["error"].get<std::string>().find("action") != std::string::npos);
  CHECK(lines[3]["decision"] == "ImplicitlyDenied");

  CHECK(run_policylint(dir.path(), "simulate --batch -", allowed + "\n").out.find("\"Allowed\"") != std::string::npos);
  CHECK(run_policylint(dir.path(), "simulate --batch missing.jsonl").status == 2);
}
