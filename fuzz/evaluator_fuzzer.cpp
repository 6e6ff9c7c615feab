// Random requests against random policy sets: the bytes choose policies
// (written as JSON and parsed, so the evaluator sees what the parser makes of
// them) from a vocabulary of actions, ARN patterns (short ARNs, wildcards,
// variables), principals and condition operators with well- and ill-formed
// values, and requests with random context. The evaluator must not crash,
// leak or hang, and must decide the same way every time, with and without
// the explanation. Inputs starting with '{' also go through the batch case
// reader as they are.
#include <fuzzer/FuzzedDataProvider.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "policylint/document.hpp"
#include "policylint/evaluator.hpp"

using namespace policylint;

namespace {

constexpr std::array kActions = {"*", "s3:*", "s3:GetObject", "s3:Get*", "S3:getobject", "s3:?etObject", "iam:PassRole",
                                 "sts:AssumeRole", "kms:*", "ec2:Describe*", "s3:", "noservice", "*:Get*", "s3:GetObject,PutObject"};
constexpr std::array kResources = {"*", "arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/${aws:username}/*",
                                   "arn:aws:s3:::*/${aws:PrincipalTag/team, 'none'}", "arn:aws:sqs",
                                   "arn:aws:sqs:*:111122223333", "arn:aws:ec2:*:*:instance/*", "arn:aws:ec2:*:*:*/i-1",
                                   "arn:aws:iam::aws:policy/*", "arn:aws:kms:us-east-1:111122223333:key/*",
                                   "arn:${*}:s3:::a${?}b${$}", "arn:aws:iam::111122223333:role/aws-reserved/*",
                                   "not-an-arn", "arn:aws:s3:::bucket/${aws:username"};
constexpr std::array kPrincipals = {R"("*")", R"({"AWS": "*"})", R"({"AWS": "111122223333"})",
                                    R"({"AWS": "arn:aws:iam::111122223333:root"})",
                                    R"({"AWS": "arn:aws:iam::111122223333:user/alice"})",
                                    R"({"AWS": ["arn:aws:iam::111122223333:role/r", "444455556666"]})",
                                    R"({"Service": "lambda.amazonaws.com"})", R"("arn:aws:iam::111122223333:role/r")",
                                    R"({"Federated": "cognito-identity.amazonaws.com"})", R"({"Bogus": "x"})"};
constexpr std::array kOperators = {"StringEquals", "StringNotEquals", "StringLike", "StringNotLikeIfExists",
                                   "StringEqualsIgnoreCase", "ForAllValues:StringLike", "ForAnyValue:StringNotEquals",
                                   "ForAnyValue:StringEqualsIfExists", "NumericLessThan", "NumericNotEquals",
                                   "DateGreaterThan", "DateNotEqualsIfExists", "Bool", "BinaryEquals", "IpAddress",
                                   "NotIpAddress", "ArnLike", "ArnNotEquals", "Null", "NotAnOperator", "stringequals"};
constexpr std::array kKeys = {"aws:username", "aws:PrincipalTag/team", "aws:TagKeys", "aws:SourceIp", "aws:CurrentTime",
                              "aws:SecureTransport", "aws:PrincipalArn", "s3:prefix", "aws:MultiFactorAuthAge"};
constexpr std::array kValues = {"alice", "team-*", "${aws:username}", "10", "-2.5e3", "2024-01-01",
                                "2024-01-01T00:00:00Z", "1704067200000", "true", "FALSE", "203.0.113.0/24",
                                "2001:db8::/32", "arn:aws:iam::111122223333:user/*", "YWJj", "", "${*}", "x${?}"};
constexpr std::array kRequestActions = {"s3:GetObject", "s3:PutObject", "iam:PassRole", "sts:AssumeRole",
                                        "kms:Decrypt", "iam:DeletePolicy", "sts:GetCallerIdentity", "ec2:DescribeVpcs"};
constexpr std::array kRequestResources = {"arn:aws:s3:::bucket/alice/x", "arn:aws:s3:::bucket/*", "*",
                                          "arn:aws:sqs:us-east-1:111122223333:q", "arn:aws:ec2:us-east-1:111122223333:instance/i-1",
                                          "arn:aws:iam::aws:policy/Admin", "arn:aws:kms:us-east-1:111122223333:key/1",
                                          "arn:aws:iam::111122223333:role/r", "arn:aws:s3:::?"};
constexpr std::array kRequestPrincipals = {"arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:role/r",
                                           "arn:aws:sts::111122223333:assumed-role/r/s",
                                           "arn:aws:sts::444455556666:federated-user/f", "arn:aws:iam::444455556666:root",
                                           "111122223333", "lambda.amazonaws.com", ""};

template <std::size_t N>
std::string pick(FuzzedDataProvider& in, const std::array<const char*, N>& choices) {
  // Mostly the vocabulary, sometimes bytes of the input.
  if (in.ConsumeIntegralInRange<int>(0, 15) == 0) return in.ConsumeRandomLengthString(24);
  return choices[in.ConsumeIntegralInRange<std::size_t>(0, N - 1)];
}

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';
      continue;
    }
    out += c;
  }
  return out + "\"";
}

template <std::size_t N>
std::string list(FuzzedDataProvider& in, const std::array<const char*, N>& choices) {
  const int count = in.ConsumeIntegralInRange<int>(0, 3);
  if (count == 0) return quoted(pick(in, choices));
  std::string out = "[";
  for (int i = 0; i < count; ++i) out += (i > 0 ? ", " : "") + quoted(pick(in, choices));
  return out + "]";
}

std::string statement(FuzzedDataProvider& in, bool principal) {
  std::string out = "{\"Effect\": ";
  out += in.ConsumeBool() ? "\"Allow\"" : (in.ConsumeBool() ? "\"Deny\"" : "\"allow\"");
  if (principal || in.ConsumeIntegralInRange<int>(0, 7) == 0) {
    out += in.ConsumeBool() ? ", \"Principal\": " : ", \"NotPrincipal\": ";
    out += kPrincipals[in.ConsumeIntegralInRange<std::size_t>(0, kPrincipals.size() - 1)];
  }
  out += in.ConsumeBool() ? ", \"Action\": " : ", \"NotAction\": ";
  out += list(in, kActions);
  if (in.ConsumeIntegralInRange<int>(0, 7) != 0) {
    out += in.ConsumeBool() ? ", \"Resource\": " : ", \"NotResource\": ";
    out += list(in, kResources);
  }
  const int conditions = in.ConsumeIntegralInRange<int>(0, 3);
  if (conditions > 0) {
    out += ", \"Condition\": {";
    for (int i = 0; i < conditions; ++i) {
      out += (i > 0 ? ", " : "") + quoted(pick(in, kOperators)) + ": {" + quoted(pick(in, kKeys)) + ": " +
             list(in, kValues) + "}";
    }
    out += "}";
  }
  return out + "}";
}

std::string policy(FuzzedDataProvider& in, bool principal) {
  std::string out = in.ConsumeBool() ? R"({"Version": "2012-10-17", "Statement": [)" : R"({"Statement": [)";
  const int count = in.ConsumeIntegralInRange<int>(1, 4);
  for (int i = 0; i < count; ++i) out += (i > 0 ? ", " : "") + statement(in, principal);
  return out + "]}";
}

Request request(FuzzedDataProvider& in) {
  Request out;
  out.action = pick(in, kRequestActions);
  out.resource = pick(in, kRequestResources);
  out.resource_account = in.ConsumeBool() ? "111122223333" : "";
  out.principal = pick(in, kRequestPrincipals);
  out.anonymous = out.principal.empty();
  out.wildcard_only_action = in.ConsumeIntegralInRange<int>(0, 7) == 0;
  const int entries = in.ConsumeIntegralInRange<int>(0, 5);
  for (int i = 0; i < entries; ++i) {
    ContextEntry& entry = out.context.emplace_back();
    entry.key = pick(in, kKeys);
    entry.value.multivalued = in.ConsumeBool();
    const int values = in.ConsumeIntegralInRange<int>(entry.value.multivalued ? 0 : 1, 3);
    for (int v = 0; v < values; ++v) entry.value.values.push_back(pick(in, kValues));
  }
  return out;
}

void check_deterministic(const CompiledPolicySet& set, const Request& r) {
  const Decision first = set.decide(r);
  const Evaluation explained = set.evaluate(r);
  if (set.decide(r) != first || explained.decision != first) __builtin_trap();
  (void)explanation_json(explained);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 0 && data[0] == '{') {
    std::string name;
    std::string error;
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    if (const std::optional<SimulationCase> loaded = read_simulation_case(line, name, error)) {
      check_deterministic(*loaded->policies, loaded->request);
    }
    return 0;
  }
  FuzzedDataProvider in(data, size);
  PolicySetBuilder builder;
  const int policies = in.ConsumeIntegralInRange<int>(0, 6);
  for (int i = 0; i < policies; ++i) {
    const auto role = static_cast<PolicyRole>(in.ConsumeIntegralInRange<int>(0, 6));
    if ((role == PolicyRole::scp || role == PolicyRole::rcp) && in.ConsumeBool()) builder.begin_level(role);
    const bool principal = role == PolicyRole::resource || role == PolicyRole::rcp || role == PolicyRole::endpoint;
    const Document document = parse_document("fuzz.json", policy(in, principal));
    if (document.policy) builder.add(role, "fuzz.json", *document.policy);
  }
  const auto set = builder.compile();
  const int requests = in.ConsumeIntegralInRange<int>(1, 4);
  for (int i = 0; i < requests; ++i) check_deterministic(*set, request(in));
  return 0;
}
