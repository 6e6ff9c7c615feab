// The hygiene layer piece by piece: the CSV reader's positions, timestamps,
// thresholds, the run date, rule selection, and the secret scanner's edges.
#include <cctype>
#include <string>

#include <catch2/catch.hpp>

#include "hygiene/csv.hpp"
#include "hygiene/secret_scan.hpp"
#include "text/timestamp.hpp"
#include "policylint/hygiene.hpp"

using namespace policylint;
using namespace std::chrono;

namespace {

const std::string kHeader =
    "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,"
    "mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
    "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
    "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
    "cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n";

// A user with MFA whose only key was created on `rotated` and last used on `used`.
std::string report_with_key(const std::string& rotated, const std::string& used) {
  return kHeader + "bob,arn:aws:iam::111122223333:user/bob,2024-01-10T09:00:00+00:00,false,N/A,N/A,N/A,true,true," +
         rotated + "," + used + ",us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";
}

std::vector<std::string> codes(const LintResult& result) {
  std::vector<std::string> out;
  for (const Finding& finding : result.findings) {
    out.emplace_back(finding.code);
  }
  return out;
}

LintResult check(const std::string& report, LintOptions options) {
  return lint_credential_report(Linter(std::move(options)), "report.csv", report);
}

LintOptions on(int year, unsigned month, unsigned day) {
  LintOptions options;
  options.as_of = sys_days{std::chrono::year{year} / month / day};
  return options;
}

}  // namespace

TEST_CASE("csv: cells keep their exact line, column and offset", "[hygiene][csv]") {
  const hygiene::CsvTable table = hygiene::read_csv("a,\"b,\"\"c\"\"\",d\r\n\r\nä,,\"e\"\n");
  REQUIRE(table.problems.empty());
  REQUIRE(table.rows.size() == 2);
  const auto& first = table.rows[0].cells;
  REQUIRE(first.size() == 3);
  CHECK(first[1].value == "b,\"c\"");
  CHECK(first[1].range.begin.column == 3);
  CHECK(first[2].range.begin.column == 13);
  const auto& second = table.rows[1].cells;
  REQUIRE(second.size() == 3);
  CHECK(second[0].value == "ä");
  CHECK(second[1].value.empty());
  CHECK(second[2].range.begin.line == 3);
  CHECK(second[2].range.begin.column == 4);  // "ä" is one column, two bytes
  CHECK(second[2].range.begin.offset == 21);
}

TEST_CASE("csv: a quote left open costs one row, not the rest of the file", "[hygiene][csv]") {
  const hygiene::CsvTable table = hygiene::read_csv("a,\"b\nc,d\n");
  REQUIRE(table.problems.size() == 1);
  CHECK(table.problems[0].range.begin.line == 1);
  CHECK(table.problems[0].range.begin.column == 3);
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[1].cells[0].value == "c");
}

TEST_CASE("timestamps: ISO 8601 with offsets, reduced to the UTC day; sentinels are no dates", "[hygiene]") {
  CHECK(parse_timestamp_day("2019-01-28T01:18:01+00:00") == sys_days{2019y / 1 / 28});
  CHECK(parse_timestamp_day("2019-01-28T01:18:01+02:00") == sys_days{2019y / 1 / 27});
  CHECK(parse_timestamp_day("2019-01-28T23:30:00.123-01:00") == sys_days{2019y / 1 / 29});
  CHECK(parse_timestamp_day("2019-01-28T01:18:01Z") == sys_days{2019y / 1 / 28});
  for (const char* text : {"N/A", "not_supported", "no_information", "", "2019-02-30", "2019-01-28T25:00:00Z",
                           "2019-01-28 01:18:01", "2019-01-28T01:18:01+00:00x"}) {
    INFO(text);
    CHECK_FALSE(parse_timestamp_day(text));
  }
  CHECK(parse_date("2026-11-28") == sys_days{2026y / 11 / 28});
  CHECK_FALSE(parse_date("2026-11-28T00:00:00Z"));
}

TEST_CASE("credential report: thresholds are configurable", "[hygiene][credential-report]") {
  const std::string report = report_with_key("2026-08-01T00:00:00+00:00", "2026-09-01T00:00:00+00:00");
  // On 2026-11-28 the key is 119 days old and was last used 88 days ago.
  CHECK(codes(check(report, on(2026, 11, 28))) == std::vector<std::string>{"PL511"});
  LintOptions strict = on(2026, 11, 28);
  strict.hygiene.max_access_key_age_days = 200;
  strict.hygiene.max_unused_days = 30;
  CHECK(codes(check(report, strict)) == std::vector<std::string>{"PL512"});
}

TEST_CASE("credential report: judged on the run date unless as_of is given", "[hygiene][credential-report]") {
  const auto today = floor<days>(system_clock::now());
  const std::string day = [&] {
    const year_month_day ymd{today - days{10}};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return std::string(text);
  }();
  const std::string report = report_with_key(day + "T00:00:00+00:00", day + "T00:00:00+00:00");
  CHECK(codes(check(report, LintOptions{})).empty());  // ten days old today
  CHECK(codes(check(report, on(2040, 1, 1))) == std::vector<std::string>{"PL511", "PL512"});
}

TEST_CASE("credential report: select, ignore and severity overrides apply", "[hygiene][credential-report]") {
  const std::string report = report_with_key("2020-01-01T00:00:00+00:00", "N/A");
  LintOptions options = on(2026, 11, 28);
  CHECK(codes(check(report, options)) == std::vector<std::string>{"PL511", "PL512"});
  options.ignore = {"access-key-unused"};
  CHECK(codes(check(report, options)) == std::vector<std::string>{"PL511"});
  options.ignore = {"hygiene"};
  CHECK(codes(check(report, options)).empty());
  options.ignore.clear();
  options.severity_overrides["PL511"] = Severity::error;
  const LintResult result = check(report, options);
  REQUIRE(result.findings.size() == 2);
  CHECK(result.findings[0].severity == Severity::error);
  CHECK(result.findings[0].subject == "bob access_key_1");
}

TEST_CASE("credential report: never throws, whatever the bytes", "[hygiene][credential-report]") {
  std::string noise = kHeader;
  for (int i = 0; i < 2000; ++i) {
    noise.push_back("\",\n\r aT0:-N/"[static_cast<std::size_t>(i * 7919 % 11)]);
  }
  for (std::size_t cut = 0; cut < noise.size(); cut += 97) {
    CHECK_NOTHROW(check(noise.substr(0, cut), on(2026, 11, 28)));
  }
  const LintResult binary = check(std::string("\0\xff\xfe,\"", 5), on(2026, 11, 28));
  CHECK(codes(binary) == std::vector<std::string>{"PL500"});
  CHECK_FALSE(binary.parsed);
}

TEST_CASE("credential report: the summary counts users, MFA and old keys", "[hygiene][credential-report]") {
  const std::string report = kHeader +
      "<root_account>,arn:aws:iam::111122223333:root,2019-01-28T01:18:01+00:00,not_supported,no_information,"
      "not_supported,not_supported,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n" +
      report_with_key("2020-01-01T00:00:00+00:00", "N/A").substr(kHeader.size()) +
      "carol,arn:aws:iam::111122223333:user/carol,2024-01-10T09:00:00+00:00,true,no_information,N/A,N/A,false,"
      "true,2026-11-01T00:00:00+00:00,N/A,N/A,N/A,true,2026-11-02T00:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A\n";
  const auto summary = summarize_credential_report(report, on(2026, 11, 28));
  REQUIRE(summary);
  CHECK(summary->users == 2);
  CHECK(summary->users_with_mfa == 1);
  CHECK(summary->users_with_password == 1);
  CHECK(summary->passwords_without_mfa == 1);
  CHECK(summary->active_access_keys == 3);
  CHECK(summary->access_keys_older_than_limit == 1);
  CHECK(summary->root_found);
  CHECK_FALSE(summary->root_mfa_active);
  CHECK_FALSE(summarize_credential_report("name,email\n", LintOptions{}));
}

TEST_CASE("secrets: JSON, binary content and masking", "[hygiene][secrets]") {
  const Linter linter;
  const std::string json = R"({"credentials": {"accessKeyId": "ASIAZ7QWERTY2345ABCD",)"
                           "\n" R"(  "secretAccessKey": "Qx7vLm2Np9Rs4Tu6Wy8Zb1Cd3Fg5Hj7Kl9Mn0Pq2"}})";
  const LintResult found = scan_secrets(linter, "creds.json", json);
  REQUIRE(codes(found) == std::vector<std::string>{"PL530", "PL531"});
  CHECK(found.findings[0].message.find("temporary") != std::string::npos);
  CHECK(found.findings[0].subject == "ASIA************ABCD");
  CHECK(found.findings[1].range.begin.line == 2);
  CHECK(found.findings[1].range.begin.column == 23);
  REQUIRE(found.source);
  CHECK(found.source->size() == json.size());

  // Binary content is scanned too: a NUL byte does not hide a key.
  const LintResult binary = scan_secrets(linter, "blob", std::string("\0", 1) + json);
  CHECK(codes(binary) == std::vector<std::string>{"PL530", "PL531"});
  CHECK_FALSE(binary.parsed);

  CHECK(hygiene::mask_secret("AKIAIOSFODNN7EXAMPLE") == "AKIA************MPLE");
  CHECK(hygiene::mask_secret("short") == "*****");
}

TEST_CASE("secrets: merged into another result of the same file, the source is masked", "[hygiene][secrets]") {
  const Linter linter;
  const std::string text = "{\"a\": \"AKIAZ7QWERTY2345ABCD\"}";
  LintResult policy = linter.lint("p.json", text);
  const std::size_t policy_findings = policy.findings.size();
  merge_secret_scan(policy, scan_secrets(linter, "p.json", text));
  CHECK(policy.findings.size() == policy_findings + 1);
  CHECK(std::is_sorted(policy.findings.begin(), policy.findings.end(), [](const Finding& a, const Finding& b) {
    return a.range.begin.offset < b.range.begin.offset;
  }));
  CHECK(policy.source->find("AKIAZ7QWERTY2345ABCD") == std::string::npos);
}

TEST_CASE("secrets: found at any offset, whatever short tokens come before", "[hygiene][secrets]") {
  // The scanner jumps over text that cannot hold a key; a key must be found
  // wherever such a jump lands, and not when it is glued to a longer word.
  const std::string key = "AKIAZ7QWERTY2345ABCD";
  const std::string filler = "ab:cd e/f_gh,ij+k \"lm\" nop_qrs:tuv ";
  for (std::size_t offset = 0; offset <= 2 * filler.size(); ++offset) {
    std::string prefix;
    while (prefix.size() < offset) {
      prefix += filler[prefix.size() % filler.size()];
    }
    for (const std::string& suffix : {std::string(), std::string(" tail"), std::string("_tail")}) {
      const std::string text = prefix + key + suffix;
      const hygiene::SecretScan scan = hygiene::scan_text_for_secrets(text);
      const auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; };
      const bool glued = (!prefix.empty() && word_char(prefix.back())) || (!suffix.empty() && word_char(suffix[0]));
      INFO("offset " << offset << ", suffix \"" << suffix << "\"");
      REQUIRE(scan.matches.size() == (glued ? 0U : 1U));
      if (!glued) {
        CHECK(scan.matches[0].value == key);
        CHECK(scan.matches[0].range.begin.offset == offset);
      }
    }
  }
}

TEST_CASE("secrets: a secret key is found after long runs that are not keys", "[hygiene][secrets]") {
  const std::string secret = "Qx7vLm2Np9Rs4Tu6Wy8Zb1Cd3Fg5Hj7Kl9Mn0Pq2";
  for (std::size_t run = 0; run <= 45; ++run) {
    // A run of `run` word characters, then the assignment.
    const std::string text = std::string(run, 'a') + "\naws_secret_access_key = " + secret + "\n";
    const hygiene::SecretScan scan = hygiene::scan_text_for_secrets(text);
    INFO("run " << run);
    REQUIRE(scan.matches.size() == 1);
    CHECK(scan.matches[0].value == secret);
    CHECK(scan.matches[0].assigned_to == "aws_secret_access_key");
  }
}
