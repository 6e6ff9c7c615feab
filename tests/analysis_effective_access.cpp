// The effective-access model: action sets, resource reach, what Allow
// statements grant less what Deny statements take away, and administrator
// equivalence; and the model over every AWS managed policy.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <catch2/catch.hpp>

#include "analysis/action_set.hpp"
#include "analysis/effective_access.hpp"
#include "analysis/resource_analysis.hpp"
#include "policylint/document.hpp"
#include "policylint/hygiene.hpp"

using namespace policylint;
using analysis::ActionSet;
using analysis::Reach;

namespace {

catalog::ActionView action(std::string_view name) {
  const auto found = catalog::find_action(name);
  REQUIRE(found);
  return *found;
}

/// A parsed policy kept alive for the model that points into it.
struct Model {
  Document document;
  analysis::EffectiveAccess access;

  explicit Model(const std::string& statements, std::string_view today = "2026-06-15")
      : document(parse_document("test.json", R"({"Version": "2012-10-17", "Statement": )" + statements + "}")),
        access(checked(document), *parse_date(today)) {}

  static const Policy& checked(const Document& document) {
    REQUIRE(document.policy);
    return *document.policy;
  }
  const Statement& statement(std::size_t index) const { return document.policy->statements.at(index); }
};

Reach reach_of(const std::string& resource, std::string_view action_name) {
  const Model model(R"([{"Effect": "Allow", "Action": "*", "Resource": )" + resource + "}]");
  return analysis::resource_reach(model.statement(0), action(action_name)).reach;
}

}  // namespace

TEST_CASE("action sets: patterns, complement and set operations", "[analysis][effective]") {
  const std::string_view gets[] = {"s3:Get*"};
  const ActionSet s3_gets = ActionSet::matching(gets);
  CHECK(s3_gets.contains(action("s3:GetObject")));
  CHECK_FALSE(s3_gets.contains(action("s3:PutObject")));
  CHECK(s3_gets.size() == catalog::expand("s3:Get*").size());

  ActionSet rest = s3_gets;
  rest.complement();
  CHECK(rest.size() + s3_gets.size() == catalog::counts().actions);
  CHECK_FALSE(rest.intersects(s3_gets));
  CHECK(ActionSet::all().contains_all(s3_gets));
  // Only the words holding an action are kept.
  CHECK_FALSE(s3_gets.used_words().empty());
  CHECK(s3_gets.used_words().size() < (catalog::counts().actions + 63) / 64);
  CHECK(ActionSet::all().intersects(s3_gets));
  const std::string_view one[] = {"s3:GetObject"};
  CHECK(ActionSet::matching(one).intersects(s3_gets));
  CHECK(s3_gets.intersects(ActionSet::matching(one)));
  CHECK(ActionSet::matching(one).list() == std::vector{action("s3:GetObject")});
  CHECK(ActionSet().used_words().empty());
  CHECK((ActionSet::all() - rest) == s3_gets);

  std::size_t visited = 0;
  bool ordered = true;
  std::uint32_t last = 0;
  s3_gets.for_each([&](catalog::ActionView a) {
    ordered = ordered && (visited == 0 || a.index() > last);
    last = a.index();
    ++visited;
  });
  CHECK(visited == s3_gets.size());
  CHECK(ordered);
  CHECK(ActionSet().empty());
}

TEST_CASE("resources: how far a Resource reaches for an action", "[analysis][effective]") {
  CHECK(reach_of(R"("*")", "iam:CreatePolicyVersion") == Reach::unscoped);
  // A wildcard family still covers the holder's own customer managed policies.
  CHECK(reach_of(R"("arn:aws:iam::*:policy/team-*")", "iam:CreatePolicyVersion") == Reach::wildcard);
  CHECK(reach_of(R"("arn:aws:iam::123456789012:policy/*")", "iam:CreatePolicyVersion") == Reach::unscoped);
  CHECK(reach_of(R"("arn:aws:iam::123456789012:policy/team-reports")", "iam:CreatePolicyVersion") == Reach::named);
  // AWS managed policies cannot be versioned by customers.
  CHECK(reach_of(R"("arn:aws:iam::aws:policy/*")", "iam:CreatePolicyVersion") == Reach::none);
  CHECK(reach_of(R"("arn:aws:iam::aws:policy/*")", "iam:GetPolicy") == Reach::unscoped);
  CHECK(reach_of(R"("arn:aws:secretsmanager:*:*:secret:*")", "secretsmanager:GetSecretValue") == Reach::unscoped);
  CHECK(reach_of(R"("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-*")", "secretsmanager:GetSecretValue") ==
        Reach::wildcard);
  // An object ARN is not a bucket.
  CHECK(reach_of(R"("arn:aws:s3:::reports/*")", "s3:ListBucket") == Reach::none);
  CHECK(reach_of(R"("arn:aws:s3:::reports/*")", "s3:GetObject") == Reach::wildcard);
  // A policy variable names the caller's own resource.
  CHECK(reach_of(R"("arn:aws:iam::123456789012:user/${aws:username}")", "iam:CreateAccessKey") == Reach::named);
  // Actions without resource types are authorised against "*" only.
  CHECK(reach_of(R"("arn:aws:s3:::reports")", "s3:ListAllMyBuckets") == Reach::none);

  const Model not_resource(R"([{"Effect": "Allow", "Action": "*", "NotResource": "arn:aws:s3:::audit/*"},
                               {"Effect": "Allow", "Action": "*", "NotResource": "*"}])");
  CHECK(analysis::resource_reach(not_resource.statement(0), action("s3:GetObject")).reach == Reach::unscoped);
  CHECK(analysis::resource_reach(not_resource.statement(1), action("s3:GetObject")).reach == Reach::none);
}

TEST_CASE("resources: which Deny patterns cover which Allow patterns", "[analysis][effective]") {
  CHECK(analysis::resource_covers("*", "arn:aws:s3:::a/*"));
  CHECK(analysis::resource_covers("arn:aws:s3:::a/*", "arn:aws:s3:::a/b*"));
  CHECK_FALSE(analysis::resource_covers("arn:aws:s3:::a/b*", "arn:aws:s3:::a/*"));
  CHECK_FALSE(analysis::resource_covers("arn:aws:s3:::a/?", "arn:aws:s3:::a/*"));
  CHECK(analysis::resource_covers("arn:aws:s3:::a/?", "arn:aws:s3:::a/b"));
}

TEST_CASE("effective access: Deny takes away what it always covers", "[analysis][effective]") {
  const Model covered(R"([{"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                          {"Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"}])");
  REQUIRE(covered.access.allows().size() == 1);
  const auto& grant = covered.access.allows().front();
  CHECK(grant.actions.contains(action("s3:GetObject")));
  CHECK_FALSE(grant.actions.contains(action("s3:DeleteBucket")));
  REQUIRE(grant.denied_by.size() == 1);
  CHECK(grant.denied_by.front() == &covered.statement(1));

  // A Deny whose condition may not hold removes nothing.
  const Model conditional(R"([{"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                              {"Effect": "Deny", "Action": "s3:Delete*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}])");
  CHECK(conditional.access.allows().front().actions.contains(action("s3:DeleteBucket")));
  CHECK(conditional.access.allows().front().denied_by.empty());

  // A Deny on part of the resources removes only the actions whose resources it covers.
  const Model partial(
      R"([{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::a", "arn:aws:s3:::a/*"]},
                          {"Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::a/*"}])");
  CHECK_FALSE(partial.access.allows().front().actions.contains(action("s3:GetObject")));
  CHECK(partial.access.allows().front().actions.contains(action("s3:ListBucket")));

  // A Deny with NotAction denies everything it does not list.
  const Model not_action(R"([{"Effect": "Allow", "Action": ["s3:GetObject", "sqs:SendMessage"], "Resource": "*"},
                             {"Effect": "Deny", "NotAction": "s3:*", "Resource": "*"}])");
  CHECK(not_action.access.allows().front().actions.contains(action("s3:GetObject")));
  CHECK_FALSE(not_action.access.allows().front().actions.contains(action("sqs:SendMessage")));
}

TEST_CASE("effective access: conditions that never hold remove the statement", "[analysis][effective]") {
  const Model expired(
      R"([{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"DateLessThan": {"aws:CurrentTime": "2020-01-01"}}}])");
  CHECK(expired.access.allows().empty());
  const Model not_yet(
      R"([{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"DateLessThan": {"aws:CurrentTime": "2020-01-01"}}}])",
      "2019-06-01");
  CHECK(not_yet.access.allows().size() == 1);
}

TEST_CASE("effective access: administrator equivalence", "[analysis][effective]") {
  CHECK(Model(R"([{"Effect": "Allow", "Action": "*", "Resource": "*"}])").access.has_admin());
  CHECK(Model(R"([{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}])").access.has_admin());
  CHECK(Model(R"([{"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"}])").access.has_admin());
  CHECK_FALSE(Model(R"([{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}])").access.has_admin());
  CHECK_FALSE(
      Model(R"([{"Effect": "Allow", "Action": "iam:*", "Resource": "arn:aws:iam::*:role/app-*"}])").access.has_admin());
  CHECK_FALSE(
      Model(
          R"([{"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "Action": "iam:Attach*", "Resource": "*"}])")
          .access.has_admin());
  CHECK_FALSE(
      Model(
          R"([{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}])")
          .access.has_admin());
  CHECK(
      Model(
          R"([{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}])")
          .access.has_admin());
}

TEST_CASE("effective access: grants of an action, widest first, each with its statement", "[analysis][effective]") {
  const Model model(R"([{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/app"},
                        {"Effect": "Allow", "Action": "iam:Pass*", "Resource": "*"},
                        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}])");
  const auto grants = model.access.grants_of(action("iam:PassRole"));
  REQUIRE(grants.size() == 2);
  CHECK(grants[0].statement->statement == &model.statement(1));
  CHECK(grants[0].resources.reach == Reach::unscoped);
  CHECK(grants[1].statement->statement == &model.statement(0));
  CHECK(grants[1].resources.reach == Reach::named);
  REQUIRE(grants[1].resources.value != nullptr);
  CHECK(grants[1].resources.value->text == "arn:aws:iam::123456789012:role/app");
}

TEST_CASE("effective access: every AWS managed policy", "[analysis][effective][aws-managed]") {
  namespace fs = std::filesystem;
  const char* env = std::getenv("POLICYLINT_SHARED_DIR");
  const fs::path dir =
      fs::path(env != nullptr && *env != '\0' ? env : POLICYLINT_SOURCE_DIR "/../shared") / "corpus" / "aws-managed";
  if (!fs::is_directory(dir)) {
    WARN("skipped: the AWS managed policy corpus is not at " << dir.string());
    return;
  }
  std::vector<Document> documents;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    documents.push_back(parse_document(entry.path().stem().string(), std::string(std::istreambuf_iterator<char>(in),
                                                                                 std::istreambuf_iterator<char>())));
  }
  CHECK(documents.size() == 1594);
  std::vector<std::string> admins;
  const auto start = std::chrono::steady_clock::now();
  for (const Document& document : documents) {
    REQUIRE(document.policy);
    const analysis::EffectiveAccess access(*document.policy, *parse_date("2026-06-15"));
    if (access.has_admin()) {
      admins.push_back(document.name);
    }
  }
  const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  INFO("models built in " << elapsed << " s");
  std::sort(admins.begin(), admins.end());
  // AdministratorAccess and IAMFullAccess; not PowerUserAccess (NotAction iam:*).
  CHECK(admins == std::vector<std::string>{"AdministratorAccess", "IAMFullAccess"});
}
