// The access checks on two ~6 KB identity policies: no-new-access between a
// policy and a revision of it (narrowed conditions, one widened grant, a Deny
// kept), between a policy and itself, and access-not-granted over the
// revision. Target: under 5 ms per comparison (docs/checks.md).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "policylint/access_checks.hpp"
#include "policylint/document.hpp"

using namespace policylint;

namespace {

/// 28 statements of about 215 bytes: actions of several services, ARNs with
/// wildcards and variables, conditions of every family, two Denies.
std::string policy_text(bool revised) {
  std::string out = R"({"Version": "2012-10-17", "Statement": [)";
  for (int i = 0; i < 28; ++i) {
    const std::string n = std::to_string(i);
    const std::string vpc = revised && i % 3 == 0 ? R"("vpc-)" + n + R"(")" : R"(["vpc-)" + n + R"(", "vpc-x"])";
    const std::string action = revised && i == 7 ? R"("s3:*")" : R"(["s3:GetObject", "s3:PutObject", "s3:List*"])";
    out += (i ? ",\n" : "\n");
    switch (i % 4) {
      case 0:
        out += R"({"Sid": "S3)" + n + R"(", "Effect": "Allow", "Action": )" + action +
               R"(, "Resource": "arn:aws:s3:::bucket-)" + n +
               R"(/${aws:username}/*", "Condition": {"StringEquals": {"aws:SourceVpc": )" + vpc + "}}}";
        break;
      case 1:
        out +=
            R"({"Sid": "Ddb)" + n +
            R"(", "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:*Batch*"], "Resource": "arn:aws:dynamodb:*:111122223333:table/orders-)" +
            n + R"(*", "Condition": {"IpAddress": {"aws:SourceIp": ")" + (revised ? "10.1.0.0/16" : "10.0.0.0/8") +
            R"("}}})";
        break;
      case 2:
        out +=
            R"({"Sid": "Ec2)" + n +
            R"(", "Effect": "Allow", "Action": ["ec2:Describe*", "ec2:StartInstances"], "Resource": "*", "Condition": {"NumericLessThan": {"ec2:VolumeSize": ")" +
            (revised ? "50" : "100") + R"("}, "DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}}})";
        break;
      default:
        out +=
            R"({"Sid": "Deny)" + n +
            R"(", "Effect": "Deny", "NotAction": ["s3:Get*", "s3:List*", "ec2:Describe*"], "Resource": "arn:aws:s3:::bucket-)" +
            n + R"(/*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}})";
    }
  }
  return out + "\n]}";
}

struct Pair {
  Document old_document = parse_document("old.json", policy_text(false));
  Document new_document = parse_document("new.json", policy_text(true));
};

void BM_NoNewAccessRevision(benchmark::State& state) {
  const Pair pair;
  const NamedPolicy old_policy{"old.json", &*pair.old_document.policy};
  const NamedPolicy new_policy{"new.json", &*pair.new_document.policy};
  for (auto _ : state) {
    benchmark::DoNotOptimize(check_no_new_access(old_policy, new_policy, PolicyType::identity));
  }
  state.counters["bytes"] = static_cast<double>(pair.old_document.source->size());
}
BENCHMARK(BM_NoNewAccessRevision)->Unit(benchmark::kMillisecond);

void BM_NoNewAccessSame(benchmark::State& state) {
  const Pair pair;
  const NamedPolicy old_policy{"old.json", &*pair.old_document.policy};
  for (auto _ : state) {
    benchmark::DoNotOptimize(check_no_new_access(old_policy, old_policy, PolicyType::identity));
  }
}
BENCHMARK(BM_NoNewAccessSame)->Unit(benchmark::kMillisecond);

void BM_AccessNotGranted(benchmark::State& state) {
  const Pair pair;
  const std::vector<NamedPolicy> policies = {{"new.json", &*pair.new_document.policy}};
  const std::vector<std::string> actions = {"iam:*", "s3:DeleteBucket", "ec2:RunInstances"};
  const std::vector<std::string> resources = {"arn:aws:s3:::bucket-1/*", "*"};
  for (auto _ : state) {
    benchmark::DoNotOptimize(check_access_not_granted(policies, actions, resources));
  }
}
BENCHMARK(BM_AccessNotGranted)->Unit(benchmark::kMillisecond);

}  // namespace
BENCHMARK_MAIN();
