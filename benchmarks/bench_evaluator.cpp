// The request evaluator: compiling a policy set of 10 identity policies (60
// statements: exact and wildcard actions, ARNs with wildcards and policy
// variables, conditions, a Deny) plus a bucket policy, then deciding
// requests against it: one an identity policy allows, one nothing allows,
// one a Deny stops, one only the bucket policy grants, and the same with the
// full explanation.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "policylint/document.hpp"
#include "policylint/evaluator.hpp"

using namespace policylint;

namespace {

std::string identity_policy(int n) {
  const std::string i = std::to_string(n);
  return R"({"Version": "2012-10-17", "Statement": [
    {"Sid": "Read)" + i + R"(", "Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObjectVersion"],
     "Resource": "arn:aws:s3:::data-)" + i + R"(/${aws:username}/*"},
    {"Effect": "Allow", "Action": "s3:List*", "Resource": "arn:aws:s3:::data-)" + i + R"(",
     "Condition": {"StringLike": {"s3:prefix": ["home/${aws:username}/*", "shared/*"]}}},
    {"Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:*Batch*"],
     "Resource": "arn:aws:dynamodb:*:111122223333:table/orders-)" + i + R"(*"},
    {"Effect": "Allow", "Action": "ec2:Describe*", "Resource": "*",
     "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "198.51.100.0/24"]}}},
    {"Effect": "Allow", "Action": ["sqs:SendMessage", "sqs:ReceiveMessage"],
     "Resource": "arn:aws:sqs:us-east-1:111122223333:queue-)" + i + R"(",
     "Condition": {"StringEquals": {"aws:PrincipalTag/team": "team-)" + i + R"("}}},
    {"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*",
     "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}
  ]})";
}

const char* kBucketPolicy = R"({"Version": "2012-10-17", "Statement": [
  {"Sid": "TLS", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
   "Resource": ["arn:aws:s3:::shared-bucket", "arn:aws:s3:::shared-bucket/*"],
   "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
  {"Sid": "Partner", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
   "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::shared-bucket/partner/*"},
  {"Sid": "Team", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/alice"},
   "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::shared-bucket/team/*"}
]})";

std::vector<Policy> policies() {
  std::vector<Policy> out;
  for (int n = 0; n < 10; ++n) out.push_back(*parse_document("id.json", identity_policy(n)).policy);
  out.push_back(*parse_document("bucket.json", kBucketPolicy).policy);
  return out;
}

std::shared_ptr<const CompiledPolicySet> compile(const std::vector<Policy>& all) {
  PolicySetBuilder builder;
  for (std::size_t n = 0; n + 1 < all.size(); ++n) builder.add(PolicyRole::identity, "id" + std::to_string(n), all[n]);
  builder.add(PolicyRole::resource, "bucket", all.back());
  return builder.compile();
}

Request request(std::string action, std::string resource) {
  Request r;
  r.action = std::move(action);
  r.resource = std::move(resource);
  r.resource_account = "111122223333";
  r.principal = "arn:aws:iam::111122223333:user/alice";
  r.context = {{"aws:username", {{"alice"}, false}},
               {"aws:SecureTransport", {{"true"}, false}},
               {"aws:SourceIp", {{"203.0.113.7"}, false}},
               {"aws:PrincipalTag/team", {{"team-7"}, false}},
               {"aws:MultiFactorAuthPresent", {{"false"}, false}}};
  return r;
}

Request scenario(int which) {
  switch (which) {
    case 0: return request("s3:GetObject", "arn:aws:s3:::data-9/alice/report.csv");  // the last policy allows
    case 1: return request("s3:PutObject", "arn:aws:s3:::data-3/alice/report.csv");  // nothing allows
    case 2: return request("s3:DeleteBucket", "arn:aws:s3:::data-3");  // a Deny applies
    default: return request("s3:PutObject", "arn:aws:s3:::shared-bucket/team/x");  // the bucket policy grants
  }
}

const char* kNames[] = {"allowed_by_identity", "implicitly_denied", "explicitly_denied", "allowed_by_bucket"};

void BM_Compile(benchmark::State& state) {
  const std::vector<Policy> all = policies();
  for (auto _ : state) benchmark::DoNotOptimize(compile(all));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Compile);

void BM_Decide(benchmark::State& state) {
  const auto set = compile(policies());
  const Request r = scenario(static_cast<int>(state.range(0)));
  state.SetLabel(kNames[state.range(0)]);
  for (auto _ : state) benchmark::DoNotOptimize(set->decide(r));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Decide)->DenseRange(0, 3);

void BM_Explain(benchmark::State& state) {
  const auto set = compile(policies());
  const Request r = scenario(static_cast<int>(state.range(0)));
  state.SetLabel(kNames[state.range(0)]);
  for (auto _ : state) benchmark::DoNotOptimize(set->evaluate(r));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Explain)->DenseRange(0, 3);

}  // namespace

BENCHMARK_MAIN();
