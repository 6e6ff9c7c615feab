// The request evaluator on what the oracle cases do not pin down: set
// operators over multivalued keys, Null, IfExists, variables by policy
// version, the explanation's reasons, and sharing one compiled set between
// threads.
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "policylint/document.hpp"
#include "policylint/evaluator.hpp"

using namespace policylint;

namespace {

Policy policy_of(const std::string& text) {
  Document document = parse_document("p.json", text);
  REQUIRE(document.policy);
  return *document.policy;
}

/// An identity policy allowing s3:GetObject on everything under `condition`.
std::shared_ptr<const CompiledPolicySet> allow_if(const std::string& condition, const char* version = "2012-10-17") {
  PolicySetBuilder builder;
  builder.add(PolicyRole::identity, "p.json",
              policy_of(std::string(R"({"Version": ")") + version +
                        R"(", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": )" +
                        condition + "}]}"));
  return builder.compile();
}

Request request_with(std::vector<ContextEntry> context) {
  Request request;
  request.action = "s3:GetObject";
  request.resource = "arn:aws:s3:::bucket/key";
  request.resource_account = "111122223333";
  request.principal = "arn:aws:iam::111122223333:user/alice";
  request.context = std::move(context);
  return request;
}

ContextEntry single(std::string key, std::string value) { return {std::move(key), {{std::move(value)}, false}}; }
ContextEntry list(std::string key, std::vector<std::string> values) { return {std::move(key), {std::move(values), true}}; }

}  // namespace

TEST_CASE("evaluator: set operators over multivalued keys", "[evaluator]") {
  const auto all = allow_if(R"({"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "env"]}})");
  CHECK(all->decide(request_with({})) == Decision::allowed);  // absent: holds
  CHECK(all->decide(request_with({list("aws:TagKeys", {"team"})})) == Decision::allowed);
  CHECK(all->decide(request_with({list("aws:TagKeys", {"team", "owner"})})) == Decision::implicitly_denied);

  const auto any = allow_if(R"({"ForAnyValue:StringEquals": {"aws:TagKeys": ["team"]}})");
  CHECK(any->decide(request_with({})) == Decision::implicitly_denied);
  CHECK(any->decide(request_with({list("aws:TagKeys", {"env", "team"})})) == Decision::allowed);

  // A bare operator does not compare a multivalued key; the explanation says why.
  const auto bare = allow_if(R"({"StringEquals": {"aws:TagKeys": "team"}})");
  const Evaluation evaluation = bare->evaluate(request_with({list("aws:TagKeys", {"team"})}));
  CHECK(evaluation.decision == Decision::implicitly_denied);
  REQUIRE(evaluation.policies.size() == 1);
  REQUIRE(evaluation.policies[0].statements[0].conditions.size() == 1);
  CHECK(evaluation.policies[0].statements[0].conditions[0].reason ==
        "multivalued key needs ForAllValues or ForAnyValue");
  CHECK(evaluation.policies[0].statements[0].conditions[0].range.begin.line == 1);
}

TEST_CASE("evaluator: Null, IfExists and negated operators on absent keys", "[evaluator]") {
  const auto null_true = allow_if(R"({"Null": {"aws:MultiFactorAuthAge": "true"}})");
  CHECK(null_true->decide(request_with({})) == Decision::allowed);
  CHECK(null_true->decide(request_with({single("aws:MultiFactorAuthAge", "30")})) == Decision::implicitly_denied);

  const auto if_exists = allow_if(R"({"NumericLessThanIfExists": {"aws:MultiFactorAuthAge": "3600"}})");
  CHECK(if_exists->decide(request_with({})) == Decision::allowed);
  CHECK(if_exists->decide(request_with({single("aws:multifactorauthage", "7200")})) == Decision::implicitly_denied);

  const auto negated = allow_if(R"({"StringNotEquals": {"aws:PrincipalTag/team": "ops"}})");
  CHECK(negated->decide(request_with({})) == Decision::allowed);
  CHECK(negated->decide(request_with({single("aws:PrincipalTag/team", "ops")})) == Decision::implicitly_denied);

  const auto date = allow_if(R"({"DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}})");
  CHECK(date->decide(request_with({single("aws:CurrentTime", "2029-12-31T23:59:59Z")})) == Decision::allowed);
  CHECK(date->decide(request_with({single("aws:CurrentTime", "2030-01-01T01:00:00+02:00")})) == Decision::allowed);
  CHECK(date->decide(request_with({single("aws:EpochTime", "1")})) == Decision::implicitly_denied);
}

TEST_CASE("evaluator: policy variables are substituted only under Version 2012-10-17", "[evaluator]") {
  const std::string condition = R"({"StringLike": {"s3:prefix": "home/${aws:username}/*"}})";
  const auto current = allow_if(condition);
  const auto old = allow_if(condition, "2008-10-17");
  const Request request = request_with({single("aws:username", "alice"), single("s3:prefix", "home/alice/docs")});
  CHECK(current->decide(request) == Decision::allowed);
  CHECK(old->decide(request) == Decision::implicitly_denied);
  // ${*} stands for a literal star.
  const auto escaped = allow_if(R"({"StringLike": {"s3:prefix": "a${*}b"}})");
  CHECK(escaped->decide(request_with({single("s3:prefix", "a*b")})) == Decision::allowed);
  CHECK(escaped->decide(request_with({single("s3:prefix", "axb")})) == Decision::implicitly_denied);
}

TEST_CASE("evaluator: cross-account requests need both sides", "[evaluator]") {
  PolicySetBuilder builder;
  builder.add(PolicyRole::identity, "id.json",
              policy_of(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]})"));
  const auto identity_only = builder.compile();
  Request request = request_with({});
  request.resource_account = "999988887777";
  CHECK(identity_only->decide(request) == Decision::implicitly_denied);
  builder.add(PolicyRole::resource, "bucket.json",
              policy_of(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"},
                 "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}]})"));
  CHECK(builder.compile()->decide(request) == Decision::allowed);
}

TEST_CASE("evaluator: one compiled set answers the same from many threads", "[evaluator]") {
  const auto set = allow_if(R"({"StringEquals": {"aws:PrincipalTag/team": "data"}})");
  const Request yes = request_with({single("aws:PrincipalTag/team", "data")});
  const Request no = request_with({single("aws:PrincipalTag/team", "web")});
  std::vector<int> wrong(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < wrong.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        if (set->decide(yes) != Decision::allowed || set->decide(no) != Decision::implicitly_denied) ++wrong[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(wrong == std::vector<int>(4, 0));
}

TEST_CASE("evaluator: batch case lines that cannot be read say why", "[evaluator]") {
  std::string name;
  std::string error;
  CHECK_FALSE(read_simulation_case("[1, 2]", name, error));
  CHECK(error == "a case must be a JSON object");
  const std::string deep = R"({"name": "deep", "request": )" + std::string(100000, '[') + std::string(100000, ']') + "}";
  CHECK_FALSE(read_simulation_case(deep, name, error));
  CHECK(error.find("nested deeper") != std::string::npos);
  CHECK_FALSE(read_simulation_case(R"({"name": "n", "request": {"action": "s3:GetObject", "resource": {}, "principal": 7}})",
                                   name, error));
  CHECK(name == "n");
  CHECK(error.find("principal") != std::string::npos);
  CHECK_FALSE(read_simulation_case(R"({"request": {"action": "a:b", "resource": "*", "principal": "x"}, "identityPolicies": [5]})",
                                   name, error));
  CHECK(error.find("identityPolicies[0]") != std::string::npos);
}

TEST_CASE("evaluator: keys AWS derives from the principal fill in for the context", "[evaluator]") {
  PolicySetBuilder builder;
  builder.add(PolicyRole::identity, "own.json",
              policy_of(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::bucket/${aws:username}/*",
                 "Condition": {"StringEquals": {"aws:PrincipalType": "User", "aws:PrincipalAccount": "111122223333"}}}]})"));
  const auto set = builder.compile();
  Request request = request_with({});
  request.resource = "arn:aws:s3:::bucket/alice/notes.txt";
  CHECK(set->decide(request) == Decision::allowed);
  request.principal_context = false;
  CHECK(set->decide(request) == Decision::implicitly_denied);
  // What the request gives wins over what is derived.
  request.principal_context = true;
  request.context.push_back(single("aws:username", "bob"));
  CHECK(set->decide(request) == Decision::implicitly_denied);
}
