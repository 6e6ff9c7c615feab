// CoveringCandidates narrows, for each Action entry, the entries that may
// cover it; redundant-action and redundant-statement test only those. The
// narrowing must never leave out an entry that does cover it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "analysis/coverage.hpp"

using namespace policylint;
using namespace policylint::analysis;

namespace {

/// Entries of the kinds a real list mixes: exact names in any case,
/// wildcards within a service and across services, unknown and malformed
/// names, duplicates, and a value that is not a string.
std::vector<Value> random_entries(std::mt19937& random, std::size_t count) {
  static const std::vector<std::string> pool = {"s3:GetObject",
                                                "S3:getobject",
                                                "s3:Get*",
                                                "s3:*",
                                                "s3:PutObject",
                                                "s3:Put*Acl",
                                                "ec2:Describe*",
                                                "ec2:DescribeInstances",
                                                "EC2:DescribeInstances",
                                                "ec2:Describe?nstances",
                                                "*",
                                                "*:Get*",
                                                "s?:GetObject",
                                                "iam:PassRole",
                                                "iam:Pass*",
                                                "iam:*Role",
                                                "nosuch:Thing",
                                                "s3:NoSuchAction",
                                                "s3",
                                                "s3:Get:Object",
                                                "kms:Decrypt",
                                                "kms:*",
                                                "sqs:SendMessage"};
  std::vector<Value> entries;
  for (std::size_t i = 0; i < count; ++i) {
    Value value;
    if (random() % 40 == 0) {
      value.kind = JsonKind::number;
      value.text = "7";
    } else {
      value.text = pool[random() % pool.size()];
    }
    entries.push_back(value);
  }
  return entries;
}

}  // namespace

TEST_CASE("covering candidates include every entry that covers another", "[analysis][coverage]") {
  std::mt19937 random(5);
  std::size_t missed = 0;
  std::size_t unordered = 0;
  std::size_t covering_pairs = 0;
  for (const std::size_t count : {3, 16, 17, 40, 200}) {  // below and above the size that builds an index
    for (int round = 0; round < 20; ++round) {
      PolicyFacts facts;
      const std::vector<Value> entries = random_entries(random, count);
      const CoveringCandidates candidates(facts, entries);
      std::vector<std::size_t> found;
      for (std::size_t i = 0; i < entries.size(); ++i) {
        candidates.find(entries[i], found);
        unordered +=
            std::is_sorted(found.begin(), found.end()) && std::adjacent_find(found.begin(), found.end()) == found.end()
                ? 0
                : 1;
        CHECK(candidates.count(entries[i]) >= found.size());
        for (std::size_t j = 0; j < entries.size(); ++j) {
          if (!action_entry_covers(facts, entries[j], entries[i])) {
            continue;
          }
          ++covering_pairs;
          missed += std::binary_search(found.begin(), found.end(), j) ? 0 : 1;
        }
      }
    }
  }
  CHECK(covering_pairs > 1000);  // the lists exercise the index
  CHECK(missed == 0);
  CHECK(unordered == 0);
}
