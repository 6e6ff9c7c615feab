// Soundness of the access checks against the request evaluator on random
// policies (fixed seed): whenever the evaluator allows a request under NEW
// and not under OLD, no-new-access must FAIL; whenever it allows a listed
// action on a listed resource, access-not-granted must FAIL. Also measures
// how often no-new-access FAILs when no sampled request is new (false FAILs;
// an upper bound, since the sample may miss a real new request).
//
// POLICYLINT_PROPERTY_PAIRS sets the number of pairs (docs/checks.md shows
// a larger run); sanitizer builds run a tenth of the default.
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "policylint/access_checks.hpp"
#include "policylint/document.hpp"
#include "policylint/evaluator.hpp"
#include "policylint/glob.hpp"

using namespace policylint;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr int kDefaultPairs = 150;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr int kDefaultPairs = 150;
#else
constexpr int kDefaultPairs = 1500;
#endif
#else
constexpr int kDefaultPairs = 1500;
#endif
constexpr int kRequestsPerPair = 150;

int pair_count() {
  const char* env = std::getenv("POLICYLINT_PROPERTY_PAIRS");
  return env != nullptr && std::atoi(env) > 0 ? std::atoi(env) : kDefaultPairs;
}

const std::vector<std::string> kActions = {"s3:GetObject",  "s3:PutObject",     "s3:DeleteObject",
                                           "s3:ListBucket", "ec2:RunInstances", "ec2:DescribeInstances",
                                           "iam:PassRole"};
const std::vector<std::string> kActionPatterns = {
    "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket", "ec2:RunInstances", "ec2:DescribeInstances",
    "iam:PassRole", "s3:*",         "s3:Get*",         "s3:*Object",    "ec2:Describe*",    "*"};
const std::vector<std::string> kResources = {"arn:aws:s3:::logs/a", "arn:aws:s3:::logs/b",
                                             "arn:aws:s3:::data/x", "arn:aws:s3:::logs/alice",
                                             "arn:aws:s3:::logs",   "arn:aws:ec2:us-east-1:111122223333:instance/i-1"};
const std::vector<std::string> kResourcePatterns = {"arn:aws:s3:::logs/*",
                                                    "arn:aws:s3:::logs/a",
                                                    "arn:aws:s3:::data/*",
                                                    "arn:aws:s3:::*",
                                                    "*",
                                                    "arn:aws:s3:::logs/${aws:username}",
                                                    "arn:aws:ec2:*:111122223333:instance/*",
                                                    "arn:aws:s3:::logs/?",
                                                    "arn:aws:ec2:us-east-1:*:*"};

struct Entry {
  std::string op, key, values;  // values as JSON
};
const std::vector<Entry> kConditions = {
    {"StringEquals", "aws:SourceVpc", R"("vpc-1")"},
    {"StringEquals", "aws:SourceVpc", R"(["vpc-1", "vpc-2"])"},
    {"StringLike", "aws:SourceVpc", R"("vpc-*")"},
    {"StringNotEquals", "aws:SourceVpc", R"("vpc-2")"},
    {"StringEqualsIfExists", "aws:SourceVpc", R"("vpc-1")"},
    {"StringEqualsIgnoreCase", "aws:SourceVpc", R"("VPC-1")"},
    {"Null", "aws:SourceVpc", R"("false")"},
    {"Null", "aws:SourceVpc", R"("true")"},
    {"NumericLessThan", "s3:max-keys", R"("10")"},
    {"NumericLessThanEquals", "s3:max-keys", R"("20")"},
    {"NumericGreaterThan", "s3:max-keys", R"("5")"},
    {"NumericNotEquals", "s3:max-keys", R"("15")"},
    {"DateGreaterThan", "aws:CurrentTime", R"("2024-01-01T00:00:00Z")"},
    {"DateLessThan", "aws:CurrentTime", R"("2025-01-01T00:00:00Z")"},
    {"IpAddress", "aws:SourceIp", R"("10.0.0.0/8")"},
    {"IpAddress", "aws:SourceIp", R"("10.1.0.0/16")"},
    {"NotIpAddress", "aws:SourceIp", R"("10.1.0.0/16")"},
    {"Bool", "aws:SecureTransport", R"("true")"},
    {"BoolIfExists", "aws:SecureTransport", R"("true")"},
    {"Bool", "aws:SecureTransport", R"("false")"},
    {"ForAllValues:StringEquals", "aws:TagKeys", R"(["a", "b"])"},
    {"ForAllValues:StringEquals", "aws:TagKeys", R"("a")"},
    {"ForAnyValue:StringLike", "aws:TagKeys", R"("a*")"},
    {"ForAnyValue:StringEquals", "aws:TagKeys", R"("b")"},
    {"ArnLike", "aws:SourceArn", R"("arn:aws:sns:*:111122223333:*")"},
    {"ArnEquals", "aws:SourceArn", R"("arn:aws:sns:us-east-1:111122223333:t")"},
    {"ArnNotLike", "aws:SourceArn", R"("arn:aws:sns:*:444455556666:*")"},
};

struct Key {
  std::string name;
  std::vector<std::vector<std::string>> values;  // one entry per choice; a list of more than one is multivalued
  bool multivalued = false;
};
const std::vector<Key> kKeys = {
    {"aws:SourceVpc", {{"vpc-1"}, {"vpc-2"}, {"vpc-3"}, {"VPC-1"}}},
    {"s3:max-keys", {{"5"}, {"10"}, {"15"}, {"25"}}},
    {"aws:CurrentTime", {{"2023-06-01T00:00:00Z"}, {"2024-06-01T00:00:00Z"}, {"2025-06-01T00:00:00Z"}}},
    {"aws:SourceIp", {{"10.1.2.3"}, {"10.2.0.1"}, {"192.0.2.1"}}},
    {"aws:SecureTransport", {{"true"}, {"false"}}},
    {"aws:TagKeys", {{}, {"a"}, {"a", "b"}, {"c"}, {"ab"}}, true},
    {"aws:SourceArn", {{"arn:aws:sns:us-east-1:111122223333:t"}, {"arn:aws:sns:us-east-1:444455556666:t"}}},
};

const std::vector<std::string> kPrincipals = {
    R"("*")",
    R"({"AWS": "*"})",
    R"({"AWS": "arn:aws:iam::111122223333:user/alice"})",
    R"({"AWS": ["arn:aws:iam::111122223333:user/alice", "arn:aws:iam::444455556666:role/x"]})",
    R"({"AWS": "arn:aws:iam::111122223333:root"})",
    R"({"AWS": "111122223333"})"};
const std::vector<std::string> kCallers = {"arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:user/bob",
                                           "arn:aws:iam::444455556666:role/x"};

class Generator {
 public:
  /// `principals`: statements name a Principal (or NotPrincipal), as in resource policies.
  Generator(unsigned seed, bool principals) : random_(seed), principals_(principals) {}

  std::size_t below(std::size_t n) { return static_cast<std::size_t>(random_() % n); }
  bool chance(unsigned percent) { return random_() % 100 < percent; }

  template <class T>
  const T& pick(const std::vector<T>& from) {
    return from[below(from.size())];
  }

  std::string list(const std::vector<std::string>& from) {
    std::string out = "[";
    const std::size_t n = 1 + below(2);
    for (std::size_t i = 0; i < n; ++i) out += (i ? ", \"" : "\"") + pick(from) + "\"";
    return out + "]";
  }

  std::string condition(std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
      const Entry& entry = pick(kConditions);
      out += std::string(i ? ", " : "") + "\"" + entry.op + "\": {\"" + entry.key + "\": " + entry.values + "}";
    }
    return "{" + out + "}";
  }

  std::string statement(bool allow) {
    std::string out = std::string(R"({"Effect": ")") + (allow ? "Allow" : "Deny") + "\", ";
    if (principals_)
      out += std::string(chance(5) ? "\"NotPrincipal\": " : "\"Principal\": ") + pick(kPrincipals) + ", ";
    out += std::string(chance(10) ? "\"NotAction\": " : "\"Action\": ") + list(kActionPatterns) + ", ";
    out += std::string(chance(10) ? "\"NotResource\": " : "\"Resource\": ") + list(kResourcePatterns);
    const std::size_t conditions = chance(50) ? 0 : 1 + below(2);
    if (conditions > 0) out += ", \"Condition\": " + condition(conditions);
    return out + "}";
  }

  std::vector<std::string> statements() {
    std::vector<std::string> out;
    const std::size_t n = 1 + below(3);
    for (std::size_t i = 0; i < n; ++i) out.push_back(statement(!chance(25)));
    return out;
  }

  /// NEW from OLD: mostly narrowed (a statement dropped, a Deny or a
  /// condition added), sometimes rewritten, so that both answers occur.
  std::vector<std::string> mutate(std::vector<std::string> statements) {
    switch (below(5)) {
      case 0:
        if (statements.size() > 1) statements.erase(statements.begin() + static_cast<long>(below(statements.size())));
        break;
      case 1:
        statements.push_back(statement(false));
        break;
      case 2: {
        std::string& chosen = statements[below(statements.size())];
        if (chosen.find("Condition") == std::string::npos) {
          chosen.insert(chosen.size() - 1, ", \"Condition\": " + condition(1));
        }
        break;
      }
      case 3:
        statements[below(statements.size())] = statement(!chance(25));
        break;
      default:
        break;
    }
    return statements;
  }

  Request request() {
    Request out;
    out.action = pick(kActions);
    out.resource = pick(kResources);
    out.principal = principals_ ? pick(kCallers) : kCallers.front();
    for (const Key& key : kKeys) {
      if (chance(30)) continue;
      const std::vector<std::string>& values = pick(key.values);
      if (!key.multivalued && values.empty()) continue;
      out.context.push_back(ContextEntry{key.name, ContextValue{values, key.multivalued}});
    }
    return out;
  }

 private:
  std::mt19937 random_;
  bool principals_ = false;
};

Policy policy_of(const std::vector<std::string>& statements) {
  std::string text = R"({"Version": "2012-10-17", "Statement": [)";
  for (std::size_t i = 0; i < statements.size(); ++i) text += (i ? ",\n" : "\n") + statements[i];
  Document document = parse_document("p.json", text + "]}");
  REQUIRE(document.policy);
  return *document.policy;
}

std::shared_ptr<const CompiledPolicySet> compiled(const Policy& policy, PolicyRole role) {
  PolicySetBuilder builder;
  builder.add(role, "p", policy);
  return builder.compile();
}

std::string describe(const Request& request) {
  std::string out = request.action + " on " + request.resource;
  for (const ContextEntry& entry : request.context) {
    out += " " + entry.key + "=";
    for (const std::string& value : entry.value.values) out += value + ",";
  }
  return out;
}

std::string joined(const std::vector<std::string>& statements) {
  std::string out;
  for (const std::string& statement : statements) out += statement + "\n";
  return out;
}

/// Random pairs of policies in `role`, checked as `type`.
void check_random_pairs(PolicyRole role, PolicyType type, unsigned seed) {
  Generator random(seed, role == PolicyRole::resource);
  const int pairs = pair_count();
  int fails = 0;
  int fails_without_new_request = 0;
  int cannot_prove = 0;
  for (int pair = 0; pair < pairs; ++pair) {
    const std::vector<std::string> old_statements = random.statements();
    const std::vector<std::string> new_statements =
        random.chance(20) ? random.statements() : random.mutate(old_statements);
    const Policy old_policy = policy_of(old_statements);
    const Policy new_policy = policy_of(new_statements);
    const auto old_set = compiled(old_policy, role);
    const auto new_set = compiled(new_policy, role);
    const CheckResult result = check_no_new_access({"old.json", &old_policy}, {"new.json", &new_policy}, type);

    const std::string listed_action = random.pick(kActionPatterns);
    const std::string listed_resource = random.chance(50) ? std::string("*") : random.pick(kResourcePatterns);
    const std::vector<NamedPolicy> listed_in = {{"new.json", &new_policy}};
    const CheckResult granted = check_access_not_granted(listed_in, std::vector<std::string>{listed_action},
                                                         std::vector<std::string>{listed_resource});

    bool new_request = false;
    for (int r = 0; r < kRequestsPerPair; ++r) {
      const Request request = random.request();
      const bool allowed_new = new_set->decide(request) == Decision::allowed;
      if (allowed_new && old_set->decide(request) != Decision::allowed) {
        new_request = true;
        INFO("NEW allows " << describe(request) << "\nOLD " << joined(old_statements) << "\nNEW "
                           << joined(new_statements));
        REQUIRE_FALSE(result.passed);
      }
      if (allowed_new && glob_match(listed_action, request.action, CaseSensitivity::insensitive) &&
          glob_match(listed_resource, request.resource, CaseSensitivity::sensitive)) {
        INFO("listed " << listed_action << " on " << listed_resource << ", allowed: " << describe(request) << "\nNEW "
                       << joined(new_statements));
        REQUIRE_FALSE(granted.passed);
      }
    }
    if (!result.passed) {
      ++fails;
      if (!new_request) ++fails_without_new_request;
      for (const CheckIssue& issue : result.issues) {
        if (issue.kind == CheckIssueKind::cannot_prove) {
          ++cannot_prove;
          break;
        }
      }
    }
  }
  const int passes = pairs - fails;
  const int nothing_new = pairs - (fails - fails_without_new_request);
  std::printf(
      "access checks property (%s policies): %d pairs, %d PASS, %d FAIL (%d with 'cannot prove'); FAIL with no new "
      "request sampled: %d of %d pairs where none was (%.1f%%)\n",
      std::string(to_string(type)).c_str(), pairs, passes, fails, cannot_prove, fails_without_new_request, nothing_new,
      nothing_new > 0 ? 100.0 * fails_without_new_request / nothing_new : 0.0);
  CHECK(passes > pairs / 10);  // the generator makes both answers
}

}  // namespace

TEST_CASE("access checks: sound against the evaluator on random identity policies", "[checks][property]") {
  check_random_pairs(PolicyRole::identity, PolicyType::identity, 20261203);
}

TEST_CASE("access checks: sound against the evaluator on random resource policies", "[checks][property]") {
  check_random_pairs(PolicyRole::resource, PolicyType::resource, 20261204);
}
