// Policy variables, where parts of a value stand in the source, and "did you
// mean" suggestions.
#include <catch2/catch.hpp>

#include "analysis/policy_variables.hpp"
#include "analysis/suggest.hpp"
#include "analysis/value_part.hpp"
#include "policylint/document.hpp"

using namespace policylint;
using namespace policylint::analysis;

TEST_CASE("find_policy_variables reads names, defaults and escapes", "[analysis][variables]") {
  const auto variables = find_policy_variables("home/${aws:username}/${aws:PrincipalTag/team, 'none'}/${*}");
  REQUIRE(variables.size() == 3);
  CHECK(variables[0].offset == 5);
  CHECK(variables[0].size == 15);
  CHECK(variables[0].name == "aws:username");
  CHECK(variables[0].problem == VariableProblem::none);
  CHECK(variables[1].name == "aws:PrincipalTag/team");
  CHECK(variables[1].has_default);
  CHECK(variables[1].default_value == "none");
  CHECK(variables[2].escape);
}

TEST_CASE("find_policy_variables reports malformed variables", "[analysis][variables]") {
  CHECK(find_policy_variables("a/${aws:username")[0].problem == VariableProblem::missing_brace);
  CHECK(find_policy_variables("${}")[0].problem == VariableProblem::empty);
  CHECK(find_policy_variables("${ aws:username }")[0].problem == VariableProblem::space);
  CHECK(find_policy_variables("${aws:username,'x'}")[0].problem == VariableProblem::bad_default);
  CHECK(find_policy_variables("${aws:username, x}")[0].problem == VariableProblem::bad_default);
  // An unclosed variable ends where the next one starts.
  const auto two = find_policy_variables("${aws:username/${aws:userid}");
  REQUIRE(two.size() == 2);
  CHECK(two[0].problem == VariableProblem::missing_brace);
  CHECK(two[1].problem == VariableProblem::none);
  CHECK(find_policy_variables("no variables").empty());
}

TEST_CASE("part_range points at part of a value, escapes included", "[analysis][value-part]") {
  // "\/" is one decoded character written as two.
  const Document document = parse_document("p.json", R"({"Id": "arn:aws:s3:::a\/b/${x}"})");
  REQUIRE(document.policy);
  const Value& id = document.policy->id.value;
  REQUIRE(id.text == "arn:aws:s3:::a/b/${x}");
  const std::size_t variable = id.text.find("${");
  const SourceRange range = part_range(*document.source, id, variable, id.text.size());
  CHECK(range.begin.line == 1);
  CHECK(range.begin.column == id.range.begin.column + 1 + variable + 1);  // the quote, then one extra for "\/"
  CHECK(range.end.column == range.begin.column + 4);
  // A part that does not fit the value gives the whole value.
  CHECK(part_range(*document.source, id, 3, 999) == id.range);
}

TEST_CASE("ClosestName suggests only plausible typos", "[analysis][suggest]") {
  ClosestName closest("GetObjekt");
  for (const char* name : {"GetObject", "PutObject", "GetObjectAcl"}) {
    closest.consider(name);
  }
  CHECK(closest.best() == "GetObject");
  ClosestName far("Frobnicate");
  far.consider("GetObject");
  CHECK(far.best().empty());
  ClosestName short_name("s4");
  short_name.consider("s3");
  short_name.consider("sns");
  CHECK(short_name.best() == "s3");
}
