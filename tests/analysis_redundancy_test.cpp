// Redundant actions, resources and statements are found through indices
// (analysis/redundancy.hpp, coverage.hpp, statement_containment.hpp) rather
// than by testing every pair. On random lists and documents these tests
// compare them with the pairwise definition: for each entry, the first other
// entry that covers it, skipping one it covers in turn that comes later.
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "analysis/coverage.hpp"
#include "analysis/redundancy.hpp"
#include "analysis/statement_containment.hpp"
#include "policylint/document.hpp"

using namespace policylint;
using namespace policylint::analysis;

namespace {

const std::string& pick(std::mt19937& random, const std::vector<std::string>& pool) {
  return pool[random() % pool.size()];
}

// Patterns that cover one another in every way the index must find: the same
// text, wildcards at the start, middle and end, `?`, patterns that cover each
// other both ways ("a*" and "a**"), policy variables, and near misses.
const std::vector<std::string> kResources = {"*",
                                             "arn:aws:s3:::*",
                                             "arn:aws:s3:::b",
                                             "arn:aws:s3:::b/*",
                                             "arn:aws:s3:::b/**",
                                             "arn:aws:s3:::b/a",
                                             "arn:aws:s3:::b/a*",
                                             "arn:aws:s3:::b/a**",
                                             "arn:aws:s3:::b/?",
                                             "arn:aws:s3:::b/*a",
                                             "arn:aws:s3:::b/*/x",
                                             "arn:aws:s3:::b/a/x",
                                             "arn:aws:s3:::b/?/x",
                                             "arn:aws:s3:::b/${aws:username}",
                                             "arn:aws:s3:::b/${aws:username}/*",
                                             "arn:aws:s3:::c/*",
                                             "arn:aws:s3:::c/a",
                                             "*a",
                                             "arn:*:s3:::b/a",
                                             "arn:aws:iam::111122223333:role/*",
                                             "arn:aws:iam::111122223333:role/admin",
                                             ""};

const std::vector<std::string> kActions = {"s3:GetObject",
                                           "S3:getobject",
                                           "s3:Get*",
                                           "s3:*",
                                           "s3:Get*Object",
                                           "s3:G?tObject",
                                           "s3:PutObject",
                                           "ec2:Describe*",
                                           "ec2:DescribeInstances",
                                           "*",
                                           "*:Get*",
                                           "s?:GetObject",
                                           "iam:PassRole",
                                           "iam:*Role",
                                           "s3:NoSuchAction",
                                           "s3:Nope*",
                                           "s3",
                                           "kms:*"};

std::vector<Value> random_values(std::mt19937& random, std::size_t count, const std::vector<std::string>& pool) {
  std::vector<Value> values;
  for (std::size_t i = 0; i < count; ++i) {
    Value value;
    if (random() % 30 == 0) {
      value.kind = JsonKind::boolean;
      value.text = "true";
    } else {
      value.text = pick(random, pool);
    }
    values.push_back(value);
  }
  return values;
}

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

/// A JSON list of 1 to `most` values of `pool`, or sometimes one bare value.
std::string random_list(std::mt19937& random, const std::vector<std::string>& pool, std::size_t most) {
  if (random() % 4 == 0) {
    return quoted(pick(random, pool));
  }
  std::string list = "[";
  const std::size_t count = 1 + random() % most;
  for (std::size_t i = 0; i < count; ++i) {
    list += (i == 0 ? "" : ",") + quoted(pick(random, pool));
  }
  return list + "]";
}

/// A policy of statements drawn from small pools, so that many contain
/// others: effects, principals, conditions (with keys differing in case and
/// values in order), NotAction, NotResource, no Resource, and malformed parts.
std::string random_policy(std::mt19937& random, std::size_t statements) {
  static const std::vector<std::string> effects = {"\"Allow\"", "\"Allow\"", "\"Deny\"", "\"Maybe\""};
  static const std::vector<std::string> conditions = {
      "",
      R"(,"Condition":{})",
      R"(,"Condition":{"StringEquals":{"aws:PrincipalTag/t":"a"}})",
      R"(,"Condition":{"StringEquals":{"AWS:principaltag/t":"a"}})",
      R"(,"Condition":{"StringEquals":{"aws:PrincipalTag/t":["a","b"]}})",
      R"(,"Condition":{"StringEquals":{"aws:PrincipalTag/t":["b","a"]}})",
      R"(,"Condition":{"Bool":{"aws:SecureTransport":"true"},"StringEquals":{"aws:PrincipalTag/t":"a"}})",
      R"(,"Condition":{"StringEquals":{"aws:PrincipalTag/t":{"x":1}}})",
      R"(,"Condition":"x")"};
  static const std::vector<std::string> principals = {"",
                                                      "",
                                                      R"(,"Principal":"*")",
                                                      R"(,"Principal":{"AWS":"arn:aws:iam::111122223333:root"})",
                                                      R"(,"Principal":{"AWS":["arn:aws:iam::111122223333:root","*"]})",
                                                      R"(,"NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"})"};
  std::string text = R"({"Version":"2012-10-17","Statement":[)";
  for (std::size_t i = 0; i < statements; ++i) {
    text += i == 0 ? "{" : ",{";
    text += "\"Effect\":" + pick(random, effects);
    const auto action_kind = random() % 20;
    text += action_kind == 0 ? ",\"NotAction\":" : ",\"Action\":";
    text += action_kind == 1 ? "[7]" : random_list(random, kActions, 3);
    const auto resource_kind = random() % 12;
    if (resource_kind == 0) {
      text += ",\"NotResource\":" + random_list(random, kResources, 3);
    } else if (resource_kind == 1) {
      text += ",\"Resource\":[]";
    } else if (resource_kind != 2) {
      text += ",\"Resource\":" + random_list(random, kResources, 4);
    }
    text += pick(random, conditions) + pick(random, principals) + "}";
  }
  return text + "]}";
}

}  // namespace

TEST_CASE("resource candidates include every entry that covers another", "[analysis][redundancy]") {
  std::mt19937 random(11);
  std::size_t missed = 0;
  std::size_t unordered = 0;
  std::size_t covering_pairs = 0;
  for (const std::size_t count : {3, 16, 17, 40, 200}) {  // below and above the size that builds an index
    for (int round = 0; round < 20; ++round) {
      std::vector<std::string_view> texts;
      for (std::size_t i = 0; i < count; ++i) {
        texts.push_back(pick(random, kResources));
      }
      const ResourceCandidates candidates(texts);
      std::vector<std::size_t> found;
      for (std::size_t i = 0; i < texts.size(); ++i) {
        candidates.find(texts[i], found);
        unordered +=
            std::is_sorted(found.begin(), found.end()) && std::adjacent_find(found.begin(), found.end()) == found.end()
                ? 0
                : 1;
        CHECK(candidates.count(texts[i]) >= found.size());
        for (std::size_t j = 0; j < texts.size(); ++j) {
          if (resource_entry_covers(texts[j], texts[i])) {
            ++covering_pairs;
            missed += std::binary_search(found.begin(), found.end(), j) ? 0 : 1;
          }
        }
      }
    }
  }
  CHECK(covering_pairs > 1000);
  CHECK(missed == 0);
  CHECK(unordered == 0);
}

TEST_CASE("indexed redundant entries are the pairwise ones", "[analysis][redundancy]") {
  std::mt19937 random(7);
  std::size_t redundant = 0;
  for (const std::size_t count : {2, 5, 16, 17, 60, 300}) {
    for (int round = 0; round < 25; ++round) {
      const std::vector<Value> resources = random_values(random, count, kResources);
      const auto resource_covers = [&](std::size_t general, std::size_t specific) {
        return resources[general].kind == JsonKind::string && resources[specific].kind == JsonKind::string &&
               resource_entry_covers(resources[general].text, resources[specific].text);
      };
      const auto expected_resources = pairwise_first_covering(resources.size(), resource_covers);
      CHECK(covering_resources(resources) == expected_resources);

      PolicyFacts facts;
      const std::vector<Value> actions = random_values(random, count, kActions);
      const auto action_covers = [&](std::size_t general, std::size_t specific) {
        return action_entry_covers(facts, actions[general], actions[specific]);
      };
      const auto expected_actions = pairwise_first_covering(actions.size(), action_covers);
      CHECK(covering_actions(facts, actions) == expected_actions);
      redundant += static_cast<std::size_t>(std::count_if(expected_resources.begin(), expected_resources.end(),
                                                          [](const auto& j) { return j.has_value(); }));
    }
  }
  CHECK(redundant > 1000);  // the lists exercise the search
}

TEST_CASE("indexed statement containment is the pairwise one", "[analysis][redundancy]") {
  std::mt19937 random(3);
  std::size_t redundant = 0;
  for (const std::size_t count : {2, 6, 17, 40, 120}) {
    for (int round = 0; round < 30; ++round) {
      const Document document = parse_document("random.json", random_policy(random, count));
      REQUIRE(document.policy);
      const std::vector<Statement>& statements = document.policy->statements;
      PolicyFacts facts;
      const auto expected = pairwise_first_covering(statements.size(), [&](std::size_t outer, std::size_t inner) {
        return statement_contains(facts, statements[outer], statements[inner]);
      });
      CHECK(containing_statements(facts, statements) == expected);
      redundant +=
          static_cast<std::size_t>(std::count_if(expected.begin(), expected.end(), [](const auto& j) { return j; }));
    }
  }
  CHECK(redundant > 150);  // the documents exercise the search
}
