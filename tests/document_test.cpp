// The document layer: parse_document's model, source positions, the JSON
// shapes it keeps, and the problems it records before any rule runs.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "policylint/document.hpp"
#include "policylint/linter.hpp"

using namespace policylint;

namespace {

// The position of the `nth` (1-based) occurrence of `needle` in `text`,
// computed here independently of the parser: lines are counted by LF, the
// column counts the bytes that start a UTF-8 character.
SourcePosition position_of(std::string_view text, std::string_view needle, int nth = 1) {
  std::size_t at = std::string_view::npos;
  for (int i = 0; i < nth; ++i) {
    at = text.find(needle, at == std::string_view::npos ? 0 : at + 1);
    REQUIRE(at != std::string_view::npos);
  }
  SourcePosition pos{1, 1, static_cast<std::uint32_t>(at)};
  for (std::size_t i = 0; i < at; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((byte & 0xC0) != 0x80) {
      ++pos.column;
    }
  }
  return pos;
}

SourcePosition pos(std::uint32_t line, std::uint32_t column, std::uint32_t offset) { return {line, column, offset}; }

std::vector<SyntaxIssueKind> kinds(const Document& document) {
  std::vector<SyntaxIssueKind> out;
  for (const SyntaxIssue& issue : document.issues) {
    out.push_back(issue.kind);
  }
  return out;
}

std::vector<std::string> finding_codes(const LintResult& result) {
  std::vector<std::string> out;
  for (const Finding& finding : result.findings) {
    out.emplace_back(finding.code);
  }
  return out;
}

const Policy& policy_of(const Document& document) {
  REQUIRE(document.policy.has_value());
  return *document.policy;
}

}  // namespace

namespace Catch {
template <>
struct StringMaker<SourcePosition> {
  static std::string convert(const SourcePosition& p) {
    return std::to_string(p.line) + ":" + std::to_string(p.column) + "@" + std::to_string(p.offset);
  }
};
template <>
struct StringMaker<SyntaxIssueKind> {
  static std::string convert(SyntaxIssueKind kind) { return std::to_string(static_cast<int>(kind)); }
};
}  // namespace Catch

TEST_CASE("document: positions are line, column in code points, and byte offset", "[document]") {
  // Line 2 holds "ü" (2 bytes) and "€" (3 bytes) before the Version key.
  const std::string text =
      "{\n"
      "  \"Id\": \"\xC3\xBC\xE2\x82\xAC\", \"Version\": \"2012-10-17\",\n"
      "  \"Statement\": {\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\", \"s3:PutObject\"], \"Resource\": \"*\"}\n"
      "}\n";
  const Document document = parse_document("positions.json", text);
  // "€" is outside what IAM accepts: that is the only problem.
  REQUIRE(kinds(document) == std::vector{SyntaxIssueKind::unsupported_character});
  CHECK(document.issues[0].range.begin == pos(2, 11, 13));
  CHECK(document.issues[0].range.end == pos(2, 12, 16));
  const Policy& policy = policy_of(document);

  CHECK(policy.range.begin == pos(1, 1, 0));
  CHECK(policy.range.end == pos(4, 2, static_cast<std::uint32_t>(text.size() - 1)));

  // Written out by hand: the key "Id" at column 3, its value at column 9;
  // the value is 4 characters but 7 bytes long.
  CHECK(policy.id.key_range.begin == pos(2, 3, 4));
  CHECK(policy.id.value.range.begin == pos(2, 9, 10));
  CHECK(policy.id.value.range.end == pos(2, 13, 17));
  CHECK(policy.id.value.text == "\xC3\xBC\xE2\x82\xAC");
  // "Version" follows: 14 characters but 17 bytes into the line.
  CHECK(policy.version.key == "Version");
  CHECK(policy.version.key_range.begin == pos(2, 15, 19));
  CHECK(policy.version.key_range.end == pos(2, 24, 28));
  CHECK(policy.version.value.range.begin == pos(2, 26, 30));
  CHECK(policy.version.value.range.end == pos(2, 38, 42));
  CHECK(policy.version.value_range == policy.version.value.range);
  CHECK(policy.version.value.kind == JsonKind::string);

  CHECK(policy.statement_element.key_range.begin == position_of(text, "\"Statement\""));
  REQUIRE(policy.statements.size() == 1);
  const Statement& statement = policy.statements[0];
  CHECK(statement.range.begin == position_of(text, "{\"Effect\""));
  CHECK(statement.effect == Effect::allow);
  CHECK(statement.effect_element.value.range.begin == position_of(text, "\"Allow\""));
  REQUIRE(statement.action.values.size() == 2);
  CHECK(statement.action.value_range.begin == position_of(text, "[\"s3:GetObject\""));
  CHECK(statement.action.values[1].text == "s3:PutObject");
  CHECK(statement.action.values[1].range.begin == position_of(text, "\"s3:PutObject\""));
  CHECK(statement.action.values[1].range.end.column == statement.action.values[1].range.begin.column + 14);
  CHECK(statement.resource.values[0].range.begin == position_of(text, "\"*\""));
}

TEST_CASE("document: shared text is kept, not copied, and parses like owned text", "[document]") {
  const auto text = std::make_shared<const std::string>(
      R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}})");
  const Document shared = parse_document("p.json", text);
  CHECK(shared.source == text);
  const Document owned = parse_document("p.json", std::string(*text));
  REQUIRE(shared.policy);
  REQUIRE(owned.policy);
  CHECK(shared.policy->statements.size() == owned.policy->statements.size());
  CHECK(shared.policy->statements[0].action.values[0].text == "s3:GetObject");
  CHECK(shared.issues.size() == owned.issues.size());

  const Document none = parse_document("empty.json", std::shared_ptr<const std::string>());
  REQUIRE(none.source);
  CHECK(none.source->empty());
  CHECK_FALSE(none.policy);
  CHECK_FALSE(none.issues.empty());  // an empty document is an error, not a crash
}

TEST_CASE("document: columns after escapes, tabs and CR count source characters", "[document]") {
  const std::string text = "{\"Id\": \"\\u00e9\\n\",\t\"Version\": \"2012-10-17\",\r\n\"Statement\": []}";
  const Document document = parse_document("escapes.json", text);
  const Policy& policy = policy_of(document);
  CHECK(policy.id.value.text == "\xC3\xA9\n");
  CHECK(policy.id.value.range.end == pos(1, 18, 17));
  CHECK(policy.version.key_range.begin == pos(1, 20, 19));
  CHECK(policy.statement_element.key_range.begin == pos(2, 1, static_cast<std::uint32_t>(text.find("\"Statement"))));
}

TEST_CASE("document: a bare value and an array keep their shape", "[document]") {
  const std::string text = R"({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::a/*"]},
    {"Effect": "Deny", "NotAction": [], "NotResource": "arn:aws:s3:::b"}
  ]})";
  const Document document = parse_document("shapes.json", text);
  const Policy& policy = policy_of(document);
  REQUIRE(policy.statements.size() == 2);
  const Statement& first = policy.statements[0];
  CHECK(first.action.present);
  CHECK_FALSE(first.action.was_array);
  CHECK(first.action.value_kind == JsonKind::string);
  REQUIRE(first.action.values.size() == 1);
  CHECK(first.action.values[0].text == "s3:GetObject");
  CHECK(first.resource.was_array);
  CHECK(first.resource.value_kind == JsonKind::array);
  REQUIRE(first.resource.values.size() == 1);
  CHECK(first.resource.values[0].text == "arn:aws:s3:::a/*");

  const Statement& second = policy.statements[1];
  CHECK(second.effect == Effect::deny);
  CHECK_FALSE(second.action.present);
  CHECK(second.not_action.present);
  CHECK(second.not_action.was_array);
  CHECK(second.not_action.values.empty());
  CHECK(second.actions_negated());
  CHECK(&second.actions() == &second.not_action);
  CHECK(second.resources_negated());
  CHECK(second.not_resource.key == "NotResource");
}

TEST_CASE("document: Statement as one object or as an array", "[document]") {
  SECTION("object") {
    const std::string text = R"({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}})";
    const Document document = parse_document("object.json", text);
    const Policy& policy = policy_of(document);
    CHECK_FALSE(policy.statement_was_array);
    CHECK(policy.statement_element.value_kind == JsonKind::object);
    REQUIRE(policy.statements.size() == 1);
    CHECK(policy.statements[0].index == 0);
    CHECK(policy.statements[0].was_object);
    CHECK(policy.statements[0].range.begin == position_of(text, "{\"Effect\""));
  }
  SECTION("array") {
    const std::string text =
        R"({"Statement": [{"Sid": "A", "Effect": "Allow"}, "oops", {"Sid": "C", "Effect": "Deny"}]})";
    const Document document = parse_document("array.json", text);
    const Policy& policy = policy_of(document);
    CHECK(policy.statement_was_array);
    REQUIRE(policy.statements.size() == 3);
    CHECK(policy.statements[0].sid_text() == "A");
    CHECK_FALSE(policy.statements[1].was_object);
    CHECK(policy.statements[1].index == 1);
    CHECK(policy.statements[2].index == 2);
    CHECK(policy.statements[2].sid_text() == "C");
    REQUIRE(document.issues.size() == 1);
    CHECK(document.issues[0].kind == SyntaxIssueKind::wrong_type);
    CHECK(document.issues[0].range.begin == position_of(text, "\"oops\""));
    REQUIRE(document.issues[0].statement_index.has_value());
    CHECK(*document.issues[0].statement_index == 1);
  }
  SECTION("empty array") {
    const Document document = parse_document("empty.json", R"({"Statement": []})");
    const Policy& policy = policy_of(document);
    CHECK(policy.statement_was_array);
    CHECK(policy.statements.empty());
    CHECK(policy.statement_element.present);
  }
  SECTION("missing") {
    const Document document = parse_document("missing.json", R"({"Version": "2012-10-17"})");
    CHECK_FALSE(policy_of(document).statement_element.present);
    CHECK_FALSE(looks_like_policy(document));
  }
}

TEST_CASE("document: Principal as \"*\", as a map, and as a bare string", "[document]") {
  const std::string text = R"({"Statement": [
    {"Effect": "Allow", "Principal": "*"},
    {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root", "Service": ["a.amazonaws.com", "b.amazonaws.com"]}},
    {"Effect": "Deny", "NotPrincipal": {"AWS": "*"}},
    {"Effect": "Allow", "Principal": "111122223333"}
  ]})";
  const Document document = parse_document("principals.json", text);
  const Policy& policy = policy_of(document);
  REQUIRE(policy.statements.size() == 4);

  const PrincipalElement& star = policy.statements[0].principal;
  CHECK(star.present);
  CHECK(star.wildcard);
  CHECK(star.groups.empty());
  CHECK(star.value_kind == JsonKind::string);

  const PrincipalElement& map = policy.statements[1].principal;
  CHECK_FALSE(map.wildcard);
  CHECK(map.value_kind == JsonKind::object);
  REQUIRE(map.groups.size() == 2);
  CHECK(map.groups[0].type == "AWS");
  CHECK(map.groups[0].type_range.begin == position_of(text, "\"AWS\""));
  CHECK_FALSE(map.groups[0].values.was_array);
  CHECK(map.groups[0].values.values.at(0).text == "arn:aws:iam::111122223333:root");
  CHECK(map.groups[1].type == "Service");
  CHECK(map.groups[1].values.was_array);
  REQUIRE(map.groups[1].values.values.size() == 2);
  CHECK(map.groups[1].values.values[1].text == "b.amazonaws.com");
  CHECK(map.groups[1].values.values[1].range.begin == position_of(text, "\"b.amazonaws.com\""));

  const Statement& negated = policy.statements[2];
  CHECK_FALSE(negated.principal.present);
  CHECK(negated.not_principal.present);
  CHECK(negated.principals_negated());
  CHECK_FALSE(negated.not_principal.wildcard);  // {"AWS": "*"} is a map, not the bare "*"
  REQUIRE(negated.not_principal.groups.size() == 1);
  CHECK(negated.not_principal.groups[0].values.values.at(0).text == "*");

  const PrincipalElement& bare = policy.statements[3].principal;
  CHECK_FALSE(bare.wildcard);
  REQUIRE(bare.groups.size() == 1);
  CHECK(bare.groups[0].type.empty());
  CHECK(bare.groups[0].type_range.begin == position_of(text, "\"111122223333\""));
  CHECK(bare.groups[0].values.values.at(0).text == "111122223333");
}

TEST_CASE("document: condition values keep their JSON kind and literal text", "[document]") {
  const std::string text = R"({"Statement": {"Effect": "Deny", "Condition": {
    "Bool": {"aws:SecureTransport": false},
    "NumericLessThan": {"s3:max-keys": [10, "20", 1.5e2, -0]},
    "ForAnyValue:StringLikeIfExists": {"aws:TagKeys": "team*"}
  }}})";
  const Document document = parse_document("conditions.json", text);
  CHECK(document.issues.empty());
  const ConditionElement& condition = policy_of(document).statements.at(0).condition;
  CHECK(condition.present);
  REQUIRE(condition.blocks.size() == 3);

  const ConditionBlock& boolean = condition.blocks[0];
  CHECK(boolean.op == "Bool");
  CHECK(boolean.op_range.begin == position_of(text, "\"Bool\""));
  CHECK(boolean.range.begin == position_of(text, "{\"aws:SecureTransport\""));
  CHECK(boolean.was_object);
  REQUIRE(boolean.entries.size() == 1);
  CHECK(boolean.entries[0].key == "aws:SecureTransport");
  CHECK(boolean.entries[0].key_range.begin == position_of(text, "\"aws:SecureTransport\""));
  const Value& flag = boolean.entries[0].values.values.at(0);
  CHECK(flag.kind == JsonKind::boolean);
  CHECK(flag.text == "false");
  CHECK(flag.range.begin == position_of(text, "false"));
  CHECK(flag.range.end.offset == flag.range.begin.offset + 5);
  CHECK_FALSE(boolean.entries[0].values.was_array);

  const ValueList& numbers = condition.blocks[1].entries.at(0).values;
  CHECK(numbers.was_array);
  REQUIRE(numbers.values.size() == 4);
  CHECK(numbers.values[0].kind == JsonKind::number);
  CHECK(numbers.values[0].text == "10");
  CHECK(numbers.values[1].kind == JsonKind::string);
  CHECK(numbers.values[1].text == "20");
  CHECK(numbers.values[2].kind == JsonKind::number);
  CHECK(numbers.values[2].text == "1.5e2");
  CHECK(numbers.values[3].text == "-0");

  CHECK(condition.blocks[2].op == "ForAnyValue:StringLikeIfExists");
  CHECK(condition.blocks[2].entries.at(0).values.values.at(0).text == "team*");
}

TEST_CASE("document: wrong scalar types are kept for the rules to judge", "[document]") {
  const std::string text = R"({"Version": 2012, "Statement": {"Sid": 7, "Effect": true, "Action": null, "Resource": {"a": 1}}})";
  const Document document = parse_document("types.json", text);
  const Policy& policy = policy_of(document);
  CHECK(policy.version.value.kind == JsonKind::number);
  CHECK(policy.version.value.text == "2012");
  const Statement& statement = policy.statements.at(0);
  CHECK(statement.sid.value.kind == JsonKind::number);
  CHECK(statement.effect == Effect::invalid);
  CHECK(statement.effect_element.value.kind == JsonKind::boolean);
  REQUIRE(statement.action.values.size() == 1);
  CHECK(statement.action.values[0].kind == JsonKind::null);
  CHECK(statement.resource.value_kind == JsonKind::object);
  CHECK(statement.resource.values.at(0).kind == JsonKind::object);
  CHECK(statement.resource.values.at(0).range.begin == position_of(text, "{\"a\""));
}

TEST_CASE("document: unknown elements are kept with their positions", "[document]") {
  const std::string text = R"({"version": "2012-10-17", "Statement": {"Effect": "Allow", "Actions": "s3:*"}})";
  const Document document = parse_document("unknown.json", text);
  const Policy& policy = policy_of(document);
  CHECK_FALSE(policy.version.present);
  REQUIRE(policy.unknown_elements.size() == 1);
  CHECK(policy.unknown_elements[0].key == "version");
  CHECK(policy.unknown_elements[0].key_range.begin == pos(1, 2, 1));
  const Statement& statement = policy.statements.at(0);
  CHECK_FALSE(statement.action.present);
  REQUIRE(statement.unknown_elements.size() == 1);
  CHECK(statement.unknown_elements[0].key == "Actions");
  CHECK(statement.unknown_elements[0].value_range.begin == position_of(text, "\"s3:*\""));
}

TEST_CASE("document: a duplicate key is reported with both places and the last value is used", "[document]") {
  const std::string text = R"({
  "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}],
  "Statement": {
    "Effect": "Deny",
    "Action": "s3:GetObject",
    "Effect": "Allow",
    "Resource": "*",
    "Condition": {"StringEquals": {"aws:SourceVpc": "vpc-1", "aws:SourceVpc": "vpc-2"}}
  }
})";
  const Document document = parse_document("duplicates.json", text);
  REQUIRE(document.issues.size() == 3);
  for (const SyntaxIssue& issue : document.issues) {
    CHECK(issue.kind == SyntaxIssueKind::duplicate_key);
    CHECK(issue.related.has_value());
  }
  CHECK(document.issues[0].range.begin == position_of(text, "\"Statement\"", 2));
  CHECK(document.issues[0].related->begin == position_of(text, "\"Statement\"", 1));
  CHECK(document.issues[0].range.end.offset == document.issues[0].range.begin.offset + 11);
  CHECK(document.issues[1].range.begin == position_of(text, "\"Effect\"", 3));
  CHECK(document.issues[1].related->begin == position_of(text, "\"Effect\"", 2));
  CHECK(document.issues[2].range.begin == position_of(text, "\"aws:SourceVpc\"", 2));
  CHECK(document.issues[2].related->begin == position_of(text, "\"aws:SourceVpc\"", 1));

  const Policy& policy = policy_of(document);
  CHECK_FALSE(policy.statement_was_array);  // the last Statement wins
  REQUIRE(policy.statements.size() == 1);
  const Statement& statement = policy.statements[0];
  CHECK(statement.effect == Effect::allow);
  CHECK(statement.effect_element.value.range.begin == position_of(text, "\"Allow\""));
  CHECK(statement.action.values.at(0).text == "s3:GetObject");
  // Both condition entries stay in the model, in source order.
  const auto& entries = statement.condition.blocks.at(0).entries;
  REQUIRE(entries.size() == 2);
  CHECK(entries[1].values.values.at(0).text == "vpc-2");
}

TEST_CASE("document: duplicate keys are found in large objects too", "[document]") {
  std::string text = "{\"Statement\": {\"Effect\": \"Allow\", \"Condition\": {\"StringEquals\": {";
  for (int i = 0; i < 40; ++i) {
    text += "\"k" + std::to_string(i) + "\": \"v\", ";
  }
  text += "\"k5\": \"again\", \"k39\": \"again\", \"k40\": \"new\"}}}}";
  const Document document = parse_document("large.json", text);
  REQUIRE(kinds(document) == std::vector{SyntaxIssueKind::duplicate_key, SyntaxIssueKind::duplicate_key});
  CHECK(document.issues[0].range.begin == position_of(text, "\"k5\"", 2));
  CHECK(document.issues[0].related->begin == position_of(text, "\"k5\"", 1));
  CHECK(document.issues[1].range.begin == position_of(text, "\"k39\"", 2));
  CHECK(document.issues[1].related->begin == position_of(text, "\"k39\"", 1));
}

TEST_CASE("document: nesting depth is bounded", "[document]") {
  SECTION("100,000 nested arrays neither crash nor recurse, and give PL006") {
    const std::string text = std::string(100000, '[');
    const Document document = parse_document("deep.json", text);
    CHECK_FALSE(document.policy.has_value());
    REQUIRE(kinds(document) == std::vector{SyntaxIssueKind::nesting_too_deep});
    // The 65th bracket is the first one too deep.
    CHECK(document.issues[0].range.begin == pos(1, 65, 64));
    const LintResult result = Linter().lint("deep.json", text);
    CHECK_FALSE(result.parsed);
    CHECK(finding_codes(result) == std::vector<std::string>{"PL006"});
  }
  SECTION("100,000 nested objects") {
    std::string text;
    for (int i = 0; i < 100000; ++i) {
      text += "{\"a\":";
    }
    const Document document = parse_document("deep-objects.json", text);
    REQUIRE(kinds(document) == std::vector{SyntaxIssueKind::nesting_too_deep});
  }
  SECTION("the limit is configurable and exact") {
    ParseLimits limits;
    limits.max_depth = 3;
    CHECK(parse_document("ok.json", R"({"Statement": [{"Effect": "Allow"}]})", limits).issues.empty());
    const Document document = parse_document("deep.json", R"({"Statement": [{"Condition": {}}]})", limits);
    REQUIRE(kinds(document) == std::vector{SyntaxIssueKind::nesting_too_deep});
    CHECK(document.issues[0].range.begin == pos(1, 30, 29));
  }
}

TEST_CASE("document: inputs over the size limit are not read", "[document]") {
  const std::string text = R"({"Statement": []})";
  ParseLimits limits;
  limits.max_bytes = text.size();
  CHECK(parse_document("at-limit.json", text, limits).policy.has_value());
  limits.max_bytes = text.size() - 1;
  const Document document = parse_document("over.json", text, limits);
  CHECK_FALSE(document.policy.has_value());
  REQUIRE(kinds(document) == std::vector{SyntaxIssueKind::too_large});
  CHECK(document.issues[0].range.begin == pos(1, 1, 0));
}

TEST_CASE("document: content after the document is reported and the document still read", "[document]") {
  const std::string text = "{\"Statement\": []}\n\n  {\"Statement\": []}\n";
  const Document document = parse_document("two.json", text);
  REQUIRE(kinds(document) == std::vector{SyntaxIssueKind::trailing_content});
  CHECK(document.issues[0].range.begin == pos(3, 3, 21));
  CHECK(document.issues[0].range.end == pos(4, 1, static_cast<std::uint32_t>(text.size())));
  CHECK(document.policy.has_value());

  CHECK(parse_document("spaces.json", "{\"Statement\": []} \t\r\n ").issues.empty());
}

TEST_CASE("document: string escapes", "[document]") {
  SECTION("simple escapes") {
    const Document document =
        parse_document("escapes.json", R"({"Id": "q\" b\\ s\/ \b\f\n\r\t", "Statement": []})");
    CHECK(document.issues.empty());
    CHECK(policy_of(document).id.value.text == "q\" b\\ s/ \b\f\n\r\t");
  }
  SECTION("\\u escapes inside IAM's range") {
    const Document document = parse_document("u.json", R"({"Id": "\u0041\u00e9\u00FF", "Statement": []})");
    CHECK(document.issues.empty());
    CHECK(policy_of(document).id.value.text == "A\xC3\xA9\xC3\xBF");
  }
  SECTION("a surrogate pair decodes to one character") {
    const std::string text = R"({"Id": "x\ud83d\ude00y", "Statement": []})";
    const Document document = parse_document("pair.json", text);
    CHECK(policy_of(document).id.value.text == "x\xF0\x9F\x98\x80y");
    // U+1F600 is valid Unicode but outside what IAM accepts.
    REQUIRE(kinds(document) == std::vector{SyntaxIssueKind::unsupported_character});
    CHECK(document.issues[0].range.begin == position_of(text, "\\ud83d"));
    CHECK(document.issues[0].range.end == position_of(text, "y\""));
  }
  SECTION("a lone high surrogate") {
    const std::string text = R"({"Id": "a\ud800b", "Statement": []})";
    const Document document = parse_document("lone.json", text);
    REQUIRE(kinds(document) == std::vector{SyntaxIssueKind::invalid_utf8});
    CHECK(document.issues[0].range.begin == position_of(text, "\\ud800"));
    CHECK(policy_of(document).id.value.text == "a\xEF\xBF\xBD" "b");
  }
  SECTION("a lone low surrogate, and a high surrogate followed by a non-surrogate escape") {
    const std::string text = R"({"Id": "\udc00\ud800\u0041", "Statement": []})";
    const Document document = parse_document("lone.json", text);
    REQUIRE(kinds(document) == std::vector{SyntaxIssueKind::invalid_utf8, SyntaxIssueKind::invalid_utf8});
    CHECK(policy_of(document).id.value.text == "\xEF\xBF\xBD\xEF\xBF\xBD" "A");
  }
  SECTION("bad escapes are invalid JSON") {
    for (const char* text : {R"({"Id": "\x41"})", R"({"Id": "\u12"})", R"({"Id": "\u12G4"})", "{\"Id\": \"\\"}) {
      const Document document = parse_document("bad.json", text);
      CHECK_FALSE(document.policy.has_value());
      CHECK(kinds(document) == std::vector{SyntaxIssueKind::invalid_json});
    }
  }
}

TEST_CASE("document: a quote, escape, control or non-ASCII byte is seen at any position of a long string",
          "[document]") {
  // Strings are scanned several bytes at a time; each kind of byte that ends
  // a plain run must be found wherever it stands in such a block.
  const std::string filler = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (std::size_t at = 0; at < 24; ++at) {
    const std::string before = filler.substr(0, at);
    const std::string after = filler.substr(at, 20);
    INFO("at " << at);
    const Document escaped = parse_document("e.json", "{\"Id\": \"" + before + "\\n" + after + "\", \"Statement\": []}");
    CHECK(escaped.issues.empty());
    CHECK(policy_of(escaped).id.value.text == before + "\n" + after);
    const Document accented =
        parse_document("u.json", "{\"Id\": \"" + before + "\xC3\xA9" + after + "\", \"Statement\": []}");
    CHECK(accented.issues.empty());
    CHECK(policy_of(accented).id.value.text == before + "\xC3\xA9" + after);
    CHECK(accented.code_points == escaped.code_points - 1);
    const std::string raw_tab = "{\"Id\": \"" + before + "\t" + after + "\", \"Statement\": []}";
    const Document control = parse_document("c.json", raw_tab);
    REQUIRE(kinds(control) == std::vector{SyntaxIssueKind::invalid_json});
    CHECK(control.issues[0].range.begin == position_of(raw_tab, "\t"));
    const Document ended = parse_document("q.json", "{\"Id\": \"" + before + "\", \"Statement\": []}");
    CHECK(ended.issues.empty());
    CHECK(policy_of(ended).id.value.text == before);
  }
}

TEST_CASE("document: a byte order mark is reported and skipped", "[document]") {
  const std::string text = "\xEF\xBB\xBF{\"Statement\": []}";
  const Document document = parse_document("bom.json", text);
  REQUIRE(kinds(document) == std::vector{SyntaxIssueKind::unsupported_character});
  CHECK(document.issues[0].range.begin == pos(1, 1, 0));
  CHECK(document.issues[0].range.end == pos(1, 2, 3));
  const Policy& policy = policy_of(document);
  CHECK(policy.range.begin == pos(1, 2, 3));
  CHECK(policy.statement_element.key_range.begin == pos(1, 3, 4));
  CHECK(document.code_points == 18);  // the BOM is one character
}

TEST_CASE("document: bytes that are not UTF-8", "[document]") {
  SECTION("inside a string: reported, replaced, and counted as one column each") {
    const std::string text = "{\"Id\": \"caf\xE9\xFF!\", \"Statement\": []}";
    const Document document = parse_document("latin1.json", text);
    REQUIRE(kinds(document) == std::vector{SyntaxIssueKind::invalid_utf8, SyntaxIssueKind::invalid_utf8});
    CHECK(document.issues[0].range.begin == pos(1, 12, 11));
    CHECK(document.issues[0].range.end == pos(1, 13, 12));
    CHECK(document.issues[1].range.begin == pos(1, 13, 12));
    const Policy& policy = policy_of(document);
    CHECK(policy.id.value.text == "caf\xEF\xBF\xBD\xEF\xBF\xBD!");
    CHECK(policy.id.value.range.end == pos(1, 16, 15));
    CHECK(policy.statement_element.key_range.begin == pos(1, 18, 17));
  }
  SECTION("truncated and overlong sequences and encoded surrogates") {
    for (const char* bytes : {"\xE2\x82", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80"}) {
      const Document document = parse_document("bad.json", "{\"Id\": \"" + std::string(bytes) + "\"}");
      CHECK(document.policy.has_value());
      const auto found = kinds(document);
      CHECK_FALSE(found.empty());
      CHECK(std::all_of(found.begin(), found.end(),
                        [](SyntaxIssueKind kind) { return kind == SyntaxIssueKind::invalid_utf8; }));
    }
  }
  SECTION("outside a string it is not JSON") {
    const Document document = parse_document("bad.json", "\xFF{}");
    CHECK_FALSE(document.policy.has_value());
    CHECK(kinds(document) == std::vector{SyntaxIssueKind::invalid_json});
  }
}

TEST_CASE("document: characters IAM does not accept", "[document]") {
  // U+2013 (en dash) is outside TAB, LF, CR and U+0020-U+00FF; only the first
  // such character of a string is reported.
  const std::string text = "{\"Id\": \"a\xE2\x80\x93" "b\xE2\x80\x93\", \"Statement\": [], \"\xE2\x80\x94\": 1}";
  const Document document = parse_document("dash.json", text);
  REQUIRE(kinds(document) ==
          std::vector{SyntaxIssueKind::unsupported_character, SyntaxIssueKind::unsupported_character});
  CHECK(document.issues[0].range.begin == pos(1, 10, 9));
  CHECK(document.issues[0].range.end == pos(1, 11, 12));
  CHECK(document.issues[1].range.begin == position_of(text, "\xE2\x80\x94"));
}

TEST_CASE("document: empty and non-object input", "[document]") {
  SECTION("empty") {
    const Document document = parse_document("empty.json", "");
    CHECK_FALSE(document.policy.has_value());
    REQUIRE(kinds(document) == std::vector{SyntaxIssueKind::invalid_json});
    CHECK(document.issues[0].range.begin == pos(1, 1, 0));
    CHECK_FALSE(looks_like_policy(document));
  }
  SECTION("whitespace only") {
    const Document document = parse_document("blank.json", "\n  ");
    REQUIRE(kinds(document) == std::vector{SyntaxIssueKind::invalid_json});
    CHECK(document.issues[0].range.begin == pos(2, 3, 3));
  }
  SECTION("not an object") {
    const Document document = parse_document("array.json", " [{\"Effect\": \"Allow\"}]");
    CHECK_FALSE(document.policy.has_value());
    REQUIRE(kinds(document) == std::vector{SyntaxIssueKind::not_an_object});
    CHECK(document.issues[0].range.begin == pos(1, 2, 1));
    CHECK(document.issues[0].range.end == pos(1, 23, 22));
  }
  SECTION("invalid JSON stops at the first error") {
    const std::string text = "{\"Statement\": [\n  {\"Effect\": \"Allow\",}\n]}";
    const Document document = parse_document("comma.json", text);
    CHECK_FALSE(document.policy.has_value());
    REQUIRE(kinds(document) == std::vector{SyntaxIssueKind::invalid_json});
    CHECK(document.issues[0].range.begin == pos(2, 22, 37));
  }
}

TEST_CASE("document: character counts for the size quotas", "[document]") {
  const Document document = parse_document("sizes.json", "{ \"Id\" : \"a b\" ,\n\t\"Statement\": [] }\n");
  // 36 characters; 9 of them are whitespace between tokens: 4 spaces and
  // the LF on line 1, the TAB and 2 spaces on line 2, and the final LF. The
  // space inside "a b" is part of a string and counts.
  CHECK(document.code_points == 36);
  CHECK(document.significant_characters == 27);
  const Document multibyte = parse_document("mb.json", "{\"Id\": \"\xC3\xBC\xE2\x82\xAC\", \"Statement\": []}");
  CHECK(multibyte.code_points == 29);
  CHECK(multibyte.significant_characters == 26);
}

TEST_CASE("document: policy type detection", "[document]") {
  const auto detect = [](const std::string& statements) {
    const Document document = parse_document("t.json", "{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}");
    REQUIRE(document.policy.has_value());
    return detect_policy_type(*document.policy);
  };
  CHECK(detect(R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})") == PolicyType::identity);
  CHECK(detect(R"({"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"})") == PolicyType::identity);
  CHECK(detect(R"({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"})") ==
        PolicyType::resource);
  CHECK(detect(R"({"Effect": "Deny", "NotPrincipal": {"AWS": "111122223333"}, "Action": "s3:*", "Resource": "*"})") ==
        PolicyType::resource);
  CHECK(detect(R"({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"})") ==
        PolicyType::trust);
  CHECK(detect(R"({"Effect": "Allow", "Principal": {"Federated": "x"}, "Action": ["sts:TagSession", "STS:assumerolewithwebidentity"]})") ==
        PolicyType::trust);
  // One statement with a principal is enough; the AssumeRole may be in another.
  CHECK(detect(R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:TagSession"},
                  {"Effect": "Allow", "Action": "sts:AssumeRoleWithSAML"})") == PolicyType::trust);

  const LintResult result = Linter().lint(
      "trust.json",
      R"({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}})");
  CHECK(result.policy_type == PolicyType::trust);
  CHECK(result.policy_type_detected);
  CHECK(result.findings.empty());

  LintOptions forced;
  forced.policy_type = PolicyType::scp;
  const LintResult as_scp = Linter(forced).lint("x.json", R"({"Statement": []})");
  CHECK(as_scp.policy_type == PolicyType::scp);
  CHECK_FALSE(as_scp.policy_type_detected);
}

TEST_CASE("document: UTF-16 and UTF-32 text is named, by its byte order mark or its NUL bytes", "[document]") {
  const std::pair<std::string, std::string> cases[] = {
      {std::string("\xFF\xFE{\0}\0", 6), "UTF-16LE"},  {std::string("\xFE\xFF\0{\0}", 6), "UTF-16BE"},
      {std::string("{\0}\0", 4), "UTF-16LE"},          {std::string("\0{\0}", 4), "UTF-16BE"},
      {std::string("\xFF\xFE\0\0{\0\0\0", 8), "UTF-32LE"}, {std::string("\0\0\xFE\xFF\0\0\0{", 8), "UTF-32BE"},
      {std::string("{\0\0\0", 4), "UTF-32LE"},         {std::string("\0\0\0{", 4), "UTF-32BE"},
  };
  for (const auto& [text, encoding] : cases) {
    INFO(encoding);
    const Document document = parse_document("wide.json", text);
    CHECK_FALSE(document.policy.has_value());
    REQUIRE(kinds(document) == std::vector{SyntaxIssueKind::invalid_json});
    CHECK(document.issues[0].detail.starts_with("the input is " + encoding + " text"));
    CHECK(document.issues[0].range.begin == pos(1, 1, 0));
  }
  // UTF-8, with or without its byte order mark, is not mistaken for them.
  CHECK(parse_document("utf8.json", "{}").issues.empty());
  CHECK(kinds(parse_document("bom.json", "\xEF\xBB\xBF{}")) == std::vector{SyntaxIssueKind::unsupported_character});
}
