// `policylint check`: the offline custom policy checks (docs/checks.md):
// no-new-access OLD NEW, access-not-granted --action ... POLICY..., and
// no-public-access --resource-type TYPE POLICY. PASS exits 0, FAIL 1.
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "policylint/access_checks.hpp"
#include "policylint/document.hpp"
#include "read_named_input.hpp"
#include "text_or_json_option.hpp"

namespace policylint::cli {
namespace {

constexpr const char* kUsage =
    "usage: policylint check no-new-access [--policy-type TYPE] [--format text|json] OLD NEW\n"
    "       policylint check access-not-granted --action A[,B...] [--resource R[,S...]]\n"
    "                                          [--format text|json] POLICY...\n"
    "       policylint check no-public-access --resource-type TYPE [--format text|json] POLICY\n"
    "Proves a property of policies offline, as IAM Access Analyzer's custom policy checks do.\n"
    "  no-new-access       PASS when NEW allows nothing OLD does not (for SCPs and RCPs: denies\n"
    "                      nothing less); each new grant is reported at its statement\n"
    "  access-not-granted  PASS when no Allow may grant a listed action (patterns allowed) on a\n"
    "                      listed resource (every resource when --resource is not given)\n"
    "  no-public-access    PASS when the resource policy grants nothing to everyone; TYPE is one\n"
    "                      of Access Analyzer's resource types (AWS::S3::Bucket, AWS::KMS::Key, ...)\n"
    "  --policy-type TYPE  identity, resource, trust, scp, rcp, boundary, session or endpoint\n"
    "                      (default: detected from NEW)\n"
    "A check says PASS only when it has proved it; \"cannot prove\" is a FAIL that says why.\n"
    "Exit status: 0 PASS, 1 FAIL, 2 usage error or unreadable input.\n";

int usage_error(const std::string& message) {
  std::fprintf(stderr, "policylint: %s\n%s", message.c_str(), kUsage);
  return exit_usage;
}

std::vector<std::string> split_commas(std::string_view text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at <= text.size()) {
    const std::size_t comma = std::min(text.find(',', at), text.size());
    if (comma > at) out.emplace_back(text.substr(at, comma - at));
    at = comma + 1;
  }
  return out;
}

struct Options {
  std::string check;
  std::vector<std::string> files;
  std::vector<std::string> actions;
  std::vector<std::string> resources;
  std::string resource_type;
  std::optional<PolicyType> policy_type;
  TextOrJson format = TextOrJson::text;
};

/// Returns -1 when the arguments were read, else the exit status.
int parse(Args args, Options& options) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    switch (parse_text_or_json(args, i, options.format)) {
      case OptionResult::parsed:
        continue;
      case OptionResult::error:
        return exit_usage;
      case OptionResult::not_this_option:
        break;
    }
    if (arg == "-h" || arg == "--help") {
      std::fputs(kUsage, stdout);
      return exit_clean;
    }
    const std::string_view name = arg.substr(0, arg.find('='));
    if (name == "--action" || name == "--resource" || name == "--resource-type" || name == "--policy-type") {
      std::string value;
      if (name.size() < arg.size()) {
        value = std::string(arg.substr(name.size() + 1));
      } else if (i + 1 < args.size()) {
        value = std::string(args[++i]);
      } else {
        return usage_error(std::string(name) + " needs a value");
      }
      if (name == "--action") {
        for (std::string& action : split_commas(value)) options.actions.push_back(std::move(action));
      } else if (name == "--resource") {
        for (std::string& resource : split_commas(value)) options.resources.push_back(std::move(resource));
      } else if (name == "--resource-type") {
        options.resource_type = value;
      } else {
        options.policy_type = parse_policy_type(value);
        if (!options.policy_type) return usage_error("unknown policy type '" + value + "'");
      }
    } else if (arg.starts_with("--")) {
      return usage_error("unknown option " + std::string(arg));
    } else if (options.check.empty()) {
      options.check = std::string(arg);
    } else {
      options.files.emplace_back(arg);
    }
  }
  return -1;
}

/// Reads and parses a policy file, saying why on stderr when it cannot.
std::optional<Document> load(const std::string& path) {
  std::optional<std::string> bytes = read_named_input(path, ParseLimits{}.max_bytes);
  if (!bytes) return std::nullopt;
  Document document = parse_document(path, std::move(*bytes));
  if (!document.policy) {
    const SyntaxIssue& issue = document.issues.front();
    std::fprintf(stderr, "%s:%u:%u: error: not a policy document: %s\n", path.c_str(), issue.range.begin.line,
                 issue.range.begin.column, issue.detail.c_str());
    return std::nullopt;
  }
  return document;
}

void print(std::string_view check, const CheckResult& result, TextOrJson format) {
  if (format == TextOrJson::json) {
    const std::string text = check_result_json(check, result) + "\n";
    std::fwrite(text.data(), 1, text.size(), stdout);
    return;
  }
  for (const CheckIssue& issue : result.issues) {
    std::printf("%s:%u:%u: %s: %s\n", issue.document.c_str(), issue.range.begin.line, issue.range.begin.column,
                std::string(to_string(issue.kind)).c_str(), issue.message.c_str());
  }
  std::printf("%s: %s", result.passed ? "PASS" : "FAIL", std::string(check).c_str());
  if (!result.passed) std::printf(" (%zu issue%s)", result.issues.size(), result.issues.size() == 1 ? "" : "s");
  std::printf("\n");
}

int run_checks(const Options& options) {
  std::vector<Document> documents;
  for (const std::string& file : options.files) {
    std::optional<Document> document = load(file);
    if (!document) return exit_usage;
    documents.push_back(std::move(*document));
  }
  std::vector<NamedPolicy> policies;
  for (const Document& document : documents) policies.push_back(NamedPolicy{document.name, &*document.policy});

  CheckResult result;
  if (options.check == "no-new-access") {
    const PolicyType type = options.policy_type.value_or(detect_policy_type(*documents[1].policy));
    result = check_no_new_access(policies[0], policies[1], type);
  } else if (options.check == "access-not-granted") {
    result = check_access_not_granted(policies, options.actions, options.resources);
  } else {
    result = check_no_public_access(policies[0], options.resource_type);
  }
  print(options.check, result, options.format);
  return result.passed ? exit_clean : exit_findings;
}

}  // namespace

int run_check(Args args) {
  Options options;
  if (const int status = parse(args, options); status >= 0) return status;
  if (options.check == "no-new-access") {
    if (options.files.size() != 2) return usage_error("no-new-access needs OLD and NEW");
  } else if (options.check == "access-not-granted") {
    if (options.actions.empty()) return usage_error("access-not-granted needs --action");
    if (options.files.empty()) return usage_error("access-not-granted needs a policy file");
  } else if (options.check == "no-public-access") {
    if (options.files.size() != 1) return usage_error("no-public-access needs one policy file");
    if (!is_public_access_resource_type(options.resource_type)) {
      return usage_error(options.resource_type.empty() ? std::string("no-public-access needs --resource-type")
                                                       : "unknown resource type '" + options.resource_type + "'");
    }
  } else {
    return usage_error(options.check.empty() ? std::string("check needs a check name")
                                             : "unknown check '" + options.check + "'");
  }
  return run_checks(options);
}

}  // namespace policylint::cli
