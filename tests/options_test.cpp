// One options layer: the command line, the configuration and the C API read
// policy types, severities, rule selectors and dates through the same
// functions, with the same messages.
#include <catch2/catch.hpp>

#include "cli_support.hpp"
#include "policylint/option_values.hpp"
#include "policylint/options.hpp"
#include "policylint/rules.hpp"

using namespace policylint;

TEST_CASE("option values are read once, with a suggestion for a near miss", "[options]") {
  std::string error;
  CHECK(read_policy_type("SCP", error) == PolicyType::scp);
  CHECK_FALSE(read_policy_type("scpp", error));
  CHECK(error.find("unknown policy type 'scpp'") == 0);
  CHECK(error.find("did you mean 'scp'?") != std::string::npos);

  CHECK(read_severity("error", error) == Severity::error);
  CHECK_FALSE(read_severity("warnign", error));
  CHECK(error.find("did you mean 'warning'?") != std::string::npos);

  CHECK(check_rule_selector("PL1", error));
  CHECK(check_rule_selector("unknown-element", error));
  CHECK_FALSE(check_rule_selector("unknown-elment", error));
  CHECK(error.find("did you mean 'unknown-element'?") != std::string::npos);
  CHECK_FALSE(check_rule_selector("PL9999", error));
  CHECK(error.find("'PL9999' is not a rule code") == 0);

  CHECK(read_date("2026-02-28", error).has_value());
  CHECK_FALSE(read_date("2026-02-30", error));
  CHECK(error == "'2026-02-30' is not a date as YYYY-MM-DD");
}

TEST_CASE("a RuleSelection runs what select names, less what ignore names", "[options]") {
  const RuleInfo* effect = find_rule("PL108");
  const RuleInfo* version = find_rule("PL103");
  REQUIRE(effect != nullptr);
  REQUIRE(version != nullptr);
  CHECK(RuleSelection().selects(*effect));
  CHECK(RuleSelection({"PL1"}, {"invalid-effect"}).selects(*version));
  CHECK_FALSE(RuleSelection({"PL1"}, {"invalid-effect"}).selects(*effect));
  CHECK_FALSE(RuleSelection({"PL2"}, {}).selects(*effect));
}

TEST_CASE("the command line and the configuration refuse a value with the same words", "[options][cli]") {
  test::TempDir dir;
  dir.write("p.json", test::kCleanPolicy);
  const test::CliRun flag = test::run_policylint(dir.path(), "--no-config --policy-type scpp p.json");
  CHECK(flag.status == 2);
  dir.write(".policylint.json", R"({"policy-types": {"*.json": "scpp"}})");
  const test::CliRun config = test::run_policylint(dir.path(), "p.json");
  CHECK(config.status == 2);
  const std::string message =
      "unknown policy type 'scpp' (expected identity, resource, trust, scp, rcp, boundary, session or endpoint); "
      "did you mean 'scp'?";
  CHECK(flag.err.find(message) != std::string::npos);
  CHECK(config.err.find(message) != std::string::npos);
}
