// What policylint prints is safe whatever the input holds (issue 25, items 1
// and 3): no AWS credential in any format, baseline, message or C API string,
// and no control character of the input reaching a terminal or a CI log.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "hygiene/secret_scan.hpp"
#include "policylint.h"
#include "policylint/baseline.hpp"
#include "policylint/hygiene.hpp"
#include "policylint/linter.hpp"
#include "policylint/report.hpp"
#include "policylint/safe_text.hpp"

using namespace policylint;
using policylint::test::CliRun;
using policylint::test::run_policylint;
using policylint::test::TempDir;

namespace {

// The fake credentials of the issue: never to be printed whole.
constexpr std::string_view kKey = "AKIAQ7XZ3M5N2P4R6T7V";
constexpr std::string_view kSecret = "wJ4rXtUtnFEMI7K7MDENGbPxRfiCYz8Q9aB3kLmN";
constexpr std::string_view kMaskedKey = "AKIA************6T7V";
constexpr std::string_view kMaskedSecret = "wJ4r********************************kLmN";

// Leaks of any part that masking hides: the key's middle, the secret's middle.
bool leaks(std::string_view text) {
  return text.find("Q7XZ3M5N2P4R") != std::string_view::npos ||
         text.find("XtUtnFEMI7K7MDENGbPxRfiCYz8Q9aB3") != std::string_view::npos;
}

// The key in Sids, an action, a resource, a condition key and a condition
// value, and the secret in a resource and a condition value: PL115, PL202,
// PL209, PL217, the JSON `sid` and the source lines all quote them.
std::string policy_holding_keys() {
  return R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": ")" + std::string(kKey) + R"(",
      "Effect": "Allow",
      "Action": "s3:)" + std::string(kKey) + R"(",
      "Resource": "arn:aws:iam::123456789012:)" + std::string(kKey) + R"("
    },
    {
      "Sid": "Second",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::bucket/)" + std::string(kSecret) + R"(",
      "Condition": {"StringEquals": {"aws:)" + std::string(kKey) + R"(": ")" + std::string(kSecret) + R"("}}
    },
    {
      "Sid": "key-)" + std::string(kKey) + R"(",
      "Effect": "Deny",
      "Action": "s3:PutObject",
      "Resource": "*",
      "Condition": {"StringEquals": {"aws:username": ")" + std::string(kKey) + R"("}}
    }
  ]
}
)";
}

bool has_code(const LintResult& result, std::string_view code) {
  return std::any_of(result.findings.begin(), result.findings.end(),
                     [&](const Finding& finding) { return finding.code == code; });
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

bool has_raw_control(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && byte != '\n') || byte == 0x7F;
  });
}

}  // namespace

TEST_CASE("mask_credentials masks ids of every AWS prefix, plain, glued to a word or JSON-escaped",
          "[output-safety][masking]") {
  for (const std::string_view prefix :
       {"AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AIPA", "ANPA", "ANVA", "APKA", "AROA", "ASCA"}) {
    const std::string id = std::string(prefix) + "Q7XZ3M5N2P4R6T7V";
    CHECK(mask_credentials("key " + id + " end") == "key " + std::string(prefix) + "************6T7V end");
  }
  // A Sid can only glue it to letters and digits.
  const std::string glued = mask_credentials("Allow" + std::string(kKey) + "read");
  CHECK_FALSE(leaks(glued));
  CHECK(glued.size() == 5 + kKey.size() + 4);
  // Escaped in a JSON source line: masked byte for byte in its escaped form.
  CHECK(mask_credentials(R"("Sid": "\u0041KIAQ7XZ3M5N2P4R6T7V")") == R"("Sid": "\u0041KIA************6T7V")");
  CHECK(mask_credentials(R"(\u0041\u004b\u0049\u0041Q7XZ3M5N2P4R6T7V)") == R"(\u0041\u004b\u0049\u0041************6T7V)");
  // Text without a credential is left as it is.
  const std::string plain = "arn:aws:iam::123456789012:role/AROA3XFRBF23EXAMPLE01 s3:GetObject AKIA1234";
  CHECK(mask_credentials(plain) == plain);
}

TEST_CASE("mask_credentials masks secrets next to a key id or assigned to a secret name, not others",
          "[output-safety][masking]") {
  CHECK(mask_credentials(std::string(kKey) + "\n\n\n\n\n\n" + std::string(kSecret)) ==
        std::string(kMaskedKey) + "\n\n\n\n\n\n" + std::string(kMaskedSecret));
  CHECK(mask_credentials("aws_secret_access_key = " + std::string(kSecret)) ==
        "aws_secret_access_key = " + std::string(kMaskedSecret));
  // A secret masked once in a text makes its other copies there secrets too.
  CHECK(mask_credentials(std::string(kMaskedSecret) + " and " + std::string(kSecret)) ==
        std::string(kMaskedSecret) + " and " + std::string(kMaskedSecret));
  // Alone, a 40-character base64 run may be anything: kept.
  CHECK(mask_credentials("token " + std::string(kSecret)) == "token " + std::string(kSecret));
  // A key id in the context (the file a report quotes) is a neighbour too.
  std::string quoted = "'" + std::string(kSecret) + "' matches nothing";
  hygiene::mask_credentials(quoted, 0, "id = " + std::string(kMaskedKey));
  CHECK(quoted == "'" + std::string(kMaskedSecret) + "' matches nothing");
}

TEST_CASE("the key scan reads binary files and JSON-escaped keys", "[output-safety][secrets]") {
  SECTION("a NUL byte in the first 8,000 bytes turns nothing off") {
    std::string bytes("\x7f" "ELF\0\0\0", 7);
    bytes += "id=" + std::string(kKey) + "\n";
    const LintResult result = scan_secrets(Linter(), "program", bytes);
    REQUIRE(has_code(result, "PL530"));
    REQUIRE(result.source);
    CHECK_FALSE(leaks(*result.source));
  }
  SECTION("a key written with JSON escapes is found where it is written, and masked there") {
    const std::string text = "{\n  \"id\": \"\\u0041KIAQ7XZ3M5N2P4R6T7V\",\n  \"s\": \"wJ4rXtUtnFEMI7K7MDENG\\/PxRfiCYz8Q9aB3kLmN\"\n}\n";
    const hygiene::SecretScan scan = hygiene::scan_text_for_secrets(text);
    REQUIRE(scan.matches.size() == 2);
    CHECK(scan.matches[0].value == kKey);
    CHECK(scan.matches[0].range.begin.line == 2);
    CHECK(scan.matches[0].range.begin.column == 10);
    CHECK(scan.matches[0].range.end.column == 35);
    CHECK(scan.matches[1].value == "wJ4rXtUtnFEMI7K7MDENG/PxRfiCYz8Q9aB3kLmN");
    const std::string masked = hygiene::masked_copy(text, scan);
    CHECK(masked.size() == text.size());
    CHECK(masked.find("\\u0041KIA************6T7V") != std::string::npos);
    CHECK(masked.find("wJ4r*********************************kLmN") != std::string::npos);
  }
}

TEST_CASE("no report format, baseline or rule message prints a key held in a policy",
          "[output-safety][masking]") {
  const LintResult result = Linter().lint("policy.json", policy_holding_keys());
  // The rules that quote the input: unknown action, ARN fitting no resource
  // type, unknown condition key.
  REQUIRE(has_code(result, "PL202"));
  REQUIRE(has_code(result, "PL209"));
  REQUIRE(has_code(result, "PL217"));
  REQUIRE(has_code(result, "PL115"));
  REQUIRE(leaks(result.findings.front().sid));  // the model keeps the input as it is...
  const std::vector<LintResult> results = {result};
  const RunSummary summary = RunSummary::of(results);
  const std::array<std::pair<const char*, std::string>, 7> outputs = {{
      {"text", render_text(results, summary, TextOptions{})},
      {"text in colour", render_text(results, summary, TextOptions{true, true, true})},
      {"json", render_json(results, summary)},
      {"sarif", render_sarif(results, ".")},
      {"github", render_github(results)},
      {"statistics", render_statistics(results, summary)},
      {"baseline", render_baseline(results)},
  }};
  for (const auto& [format, text] : outputs) {
    INFO(format << ":\n" << text);
    CHECK_FALSE(leaks(text));  // ...and no output shows it
  }
  const nlohmann::json json = nlohmann::json::parse(outputs[2].second);
  CHECK(json["findings"][0]["statement"]["sid"] == kMaskedKey);
  CHECK(outputs[0].second.find("\"s3:" + std::string(kMaskedKey) + "\"") != std::string::npos);
  CHECK(outputs[0].second.find(kMaskedSecret) != std::string::npos);  // masked, and still recognisable
  // The fingerprints are those of the findings, not of the masked text, so
  // a baseline written before still matches.
  CHECK(json["findings"][0]["fingerprint"] == fingerprints(result)[0]);
}

TEST_CASE("a key in a file name is masked in every format", "[output-safety][masking]") {
  const std::string name = "roles/" + std::string(kKey) + ".json";
  const std::vector<LintResult> results = {Linter().lint(name, R"({"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}]})")};
  REQUIRE_FALSE(results[0].findings.empty());
  const RunSummary summary = RunSummary::of(results);
  for (const std::string& text : {render_text(results, summary, TextOptions{}), render_json(results, summary),
                                  render_sarif(results, "."), render_github(results), render_baseline(results)}) {
    INFO(text);
    CHECK_FALSE(leaks(text));
    CHECK(text.find("roles/" + std::string(kMaskedKey) + ".json") != std::string::npos);
  }
}

TEST_CASE("a credential report cell holding a secret is masked in PL500's message and the source line",
          "[output-safety][masking][credential-report]") {
  const std::string header =
      "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,"
      "mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_"
      "region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
      "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,"
      "cert_2_last_rotated\n";
  const std::string row = "bob,arn:aws:iam::111122223333:user/bob,2024-01-10T09:00:00+00:00," + std::string(kSecret) +
                          ",N/A,N/A,N/A," + std::string(kKey) +
                          ",false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";
  const LintResult result = lint_credential_report(Linter(), "report.csv", header + row);
  REQUIRE(has_code(result, "PL500"));
  for (const Finding& finding : result.findings) {
    CHECK_FALSE(leaks(finding.message));
  }
  const std::vector<LintResult> results = {result};
  const std::string text = render_text(results, RunSummary::of(results), TextOptions{});
  INFO(text);
  CHECK(text.find("'" + std::string(kMaskedSecret) + "' in column password_enabled") != std::string::npos);
  CHECK_FALSE(leaks(text));
}

TEST_CASE("the C API's finding strings and pl_render never hold a key", "[output-safety][masking][capi]") {
  pl_analyzer* analyzer = nullptr;
  REQUIRE(pl_analyzer_new(&analyzer, nullptr) == PL_OK);
  const std::string policy = policy_holding_keys();
  const std::string name = std::string(kKey) + ".json";
  pl_result* result = nullptr;
  REQUIRE(pl_lint_buffer(&result, analyzer, name.c_str(), policy.data(), policy.size()) == PL_OK);
  CHECK_FALSE(leaks(pl_result_file(result)));
  REQUIRE(pl_result_finding_count(result) > 0);
  for (std::size_t i = 0; i < pl_result_finding_count(result); ++i) {
    const pl_finding* finding = pl_result_finding(result, i);
    CHECK_FALSE(leaks(pl_finding_message(finding)));
    CHECK_FALSE(leaks(pl_finding_sid(finding)));
    CHECK_FALSE(leaks(pl_finding_file(finding)));
  }
  CHECK(std::string_view(pl_finding_sid(pl_result_finding(result, 0))) == kMaskedKey);
  for (const pl_format format : {PL_FORMAT_JSON, PL_FORMAT_SARIF, PL_FORMAT_TEXT}) {
    pl_render_options options = PL_RENDER_OPTIONS_INIT;
    options.format = format;
    char* out = nullptr;
    REQUIRE(pl_render(&out, nullptr, &result, 1, &options) == PL_OK);
    CHECK_FALSE(leaks(out));
    pl_free(out);
  }
  pl_result_free(result);
  pl_analyzer_free(analyzer);
}

TEST_CASE("printable shows control characters, C1 and bidi controls and invalid UTF-8 as escapes",
          "[output-safety][escaping]") {
  CHECK(printable("x\n::error file=README.md,line=1::forged") == "x\\n::error file=README.md,line=1::forged");
  CHECK(printable("\x1b[2J\x1b]0;title\x07") == "\\x1b[2J\\x1b]0;title\\x07");
  CHECK(printable(std::string("a\0b\rc\td\x7f", 8)) == "a\\x00b\\rc\\td\\x7f");
  CHECK(printable("\xc2\x85 \xc2\x9b \xe2\x80\xae \xe2\x81\xa6 \xe2\x80\xa8") == "\\u0085 \\u009b \\u202e \\u2066 \\u2028");
  CHECK(printable("caf\xe9 \xc0\xaf") == "caf\\xe9 \\xc0\\xaf");
  CHECK(printable("café ü € 日本") == "café ü € 日本");  // printable UTF-8 stays
  CHECK(printable("key " + std::string(kKey)) == "key " + std::string(kMaskedKey));
}

TEST_CASE("text and GitHub reports escape the payloads of a hostile policy", "[output-safety][escaping]") {
  // A Sid forging a workflow command; terminal sequences (clear screen, window
  // title, an OSC 8 link) in an action; raw ESC, CR, NUL and DEL bytes.
  const std::string forged = R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "x\n::error file=README.md,line=1::forged",
      "Effect": "Allow",
      "Action": "s3:Get\u001b[2J\u001b]0;title\u0007\u001b]8;;http://evil.example/\u001b\\link\u001b]8;;\u001b\\",
      "Resource": "*"
    }
  ]
}
)";
  const std::string raw = std::string("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"A\x1b[31mB\rC\0D\x7f\", ", 58) +
                          "\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}\n";
  const Linter linter;
  const std::vector<LintResult> results = {linter.lint("forged.json", forged), linter.lint("raw\x1b]0;x\x07.json", raw)};
  REQUIRE_FALSE(results[0].findings.empty());
  REQUIRE_FALSE(results[1].findings.empty());
  const RunSummary summary = RunSummary::of(results);

  SECTION("text, with or without colour: no raw control byte of the input, no line a runner reads as a command") {
    const std::string plain = render_text(results, summary, TextOptions{});
    INFO(plain);
    CHECK_FALSE(has_raw_control(plain));
    for (const std::string& line : lines_of(plain)) {
      CHECK_FALSE(line.starts_with("::"));
    }
    CHECK(plain.find("\"x\\n::error file=README.md,line=1::forged\"") != std::string::npos);
    CHECK(plain.find("raw\\x1b]0;x\\x07.json:1:") != std::string::npos);
    // In colour, the only ESC bytes are the report's own SGR sequences.
    const std::string colour = render_text(results, summary, TextOptions{true, true, true});
    for (std::size_t at = colour.find('\x1b'); at != std::string::npos; at = colour.find('\x1b', at + 1)) {
      CHECK(colour.compare(at, 2, "\x1b[") == 0);
      CHECK(colour.find_first_not_of("0123456789", at + 2) == colour.find('m', at + 2));
    }
  }
  SECTION("GitHub: one workflow command per finding, nothing else starts with ::") {
    const std::string github = render_github(results);
    INFO(github);
    CHECK_FALSE(has_raw_control(github));
    const std::vector<std::string> lines = lines_of(github);
    CHECK(lines.size() == results[0].findings.size() + results[1].findings.size());
    for (const std::string& line : lines) {
      CHECK((line.starts_with("::error file=") || line.starts_with("::warning file=") ||
             line.starts_with("::notice file=")));
    }
  }
}

TEST_CASE("a caret stays under its token when the line before it is escaped", "[output-safety][escaping]") {
  // The invalid Effect sits after a Sid holding a raw DEL, a C1 control, a
  // bidi override and a byte that is not UTF-8: each shows as a longer
  // escape, and the caret moves with it.
  const std::string policy =
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"a\x7f\xc2\x85\xe2\x80\xae\xff\", \"Effect\": \"allow\", "
      "\"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}\n";
  const std::vector<LintResult> results = {Linter().lint("p.json", policy)};
  const std::string text = render_text(results, RunSummary::of(results), TextOptions{});
  INFO(text);
  const std::vector<std::string> lines = lines_of(text);
  bool checked = false;
  for (std::size_t i = 0; i + 2 < lines.size(); ++i) {
    if (lines[i].find("[PL108 ") == std::string::npos) {
      continue;
    }
    const std::string& source = lines[i + 1];
    const std::string& carets = lines[i + 2];
    const std::size_t caret = carets.find('^');
    REQUIRE(caret != std::string::npos);
    CHECK(source.compare(caret, 7, "\"allow\"") == 0);
    CHECK(carets.substr(caret) == "^^^^^^^");
    checked = true;
  }
  CHECK(checked);
  CHECK(text.find("\"a\\x7f\\u0085\\u202e\\xff\"") != std::string::npos);
}

TEST_CASE("CLI: --write-baseline, every format and stderr hold no key, and stderr no control",
          "[output-safety][cli]") {
  const TempDir repo;
  repo.write("policy.json", policy_holding_keys());
  std::string binary("\x7f" "ELF\0\0\0", 7);
  repo.write("tool.bin", binary + "aws_access_key_id=" + std::string(kKey) + "\n");
  // A NUL byte early in a policy turns no masking off.
  repo.write("nul.json", policy_holding_keys() + std::string("\0", 1));

  for (const char* format : {"text", "json", "sarif", "github"}) {
    const CliRun run = run_policylint(repo.path(), std::string("--no-config --color never --format ") + format + " .");
    INFO(format << ":\n" << run.out << run.err);
    CHECK(run.status == 1);
    CHECK_FALSE(leaks(run.out));
    CHECK(run.out.find("tool.bin") != std::string::npos);  // the binary file is scanned
  }
  // With the key scan off, other rules still quote the key: masked all the same.
  const CliRun unscanned = run_policylint(repo.path(), "--no-config --no-secrets --format json .");
  CHECK(unscanned.out.find(kMaskedKey) != std::string::npos);
  CHECK_FALSE(leaks(unscanned.out));

  const CliRun baseline = run_policylint(repo.path(), "--no-config --write-baseline baseline.json .");
  CHECK(baseline.status == 0);
  const std::string written = repo.read("baseline.json");
  CHECK(written.find(kMaskedKey) != std::string::npos);
  CHECK_FALSE(leaks(written));
  // And the baseline still silences what it recorded.
  const CliRun again = run_policylint(repo.path(), "--no-config --baseline baseline.json .");
  CHECK(again.status == 0);

  // A path naming a key, a forged workflow command and a terminal sequence.
  const CliRun missing = run_policylint(
      repo.path(), "--no-config \"$(printf 'x\\n::error file=a::forged\\033[2J " + std::string(kKey) + ".json')\"");
  INFO(missing.err);
  CHECK(missing.status == 2);
  CHECK_FALSE(leaks(missing.err));
  CHECK_FALSE(has_raw_control(missing.err));
  for (const std::string& line : lines_of(missing.err)) {
    CHECK_FALSE(line.starts_with("::"));
  }
  CHECK(missing.err.find("\\x1b[2J") != std::string::npos);
  // The path's line break is shown too: the message stays on one line.
  CHECK(lines_of(missing.err).size() == 1);
  CHECK(missing.err.find("x\\n::error file=a::forged") != std::string::npos);
}

TEST_CASE("CLI: a hostile policy reaches neither the terminal nor the workflow log", "[output-safety][cli]") {
  const TempDir repo;
  repo.write("hostile.json", R"({"Version": "2012-10-17", "Statement": [{"Sid": "x\n::error file=README.md,line=1::forged",
"Effect": "Allow", "Action": "s3:Get\u001b[2J\u001b]0;pwned\u0007\u001b]8;;https://evil.example/\u001b\\x", "Resource": "*"}]})");
  repo.write("raw.json", std::string("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"a\x1b[2Jb\rc\0d\"}]}\n", 56));
  for (const char* format : {"text", "github"}) {
    const CliRun run = run_policylint(repo.path(), std::string("--no-config --color never --format ") + format + " .");
    INFO(format << ":\n" << run.out << run.err);
    CHECK(run.status == 1);
    CHECK_FALSE(has_raw_control(run.out));
    CHECK_FALSE(has_raw_control(run.err));
    for (const std::string& line : lines_of(run.out)) {
      if (std::string(format) == "github") {
        // Each line is one of policylint's annotations, on a linted file.
        CHECK((line.starts_with("::error ") || line.starts_with("::warning ") || line.starts_with("::notice ")));
        const std::string properties = line.substr(line.find(' ') + 1);
        CHECK((properties.starts_with("file=hostile.json,") || properties.starts_with("file=raw.json,")));
      } else {
        CHECK_FALSE(line.starts_with("::"));
      }
    }
  }
}
