// `policylint simulate`: decides one request against the policies that apply
// to it, or a batch of cases in JSON Lines, and explains the decision
// (docs/simulate.md).
#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "policylint/document.hpp"
#include "policylint/evaluator.hpp"
#include "read_named_input.hpp"
#include "text_or_json_option.hpp"

namespace policylint::cli {
namespace {

constexpr const char* kUsage =
    "usage: policylint simulate --action SERVICE:ACTION --resource ARN --principal ARN|--anonymous\n"
    "                           [--resource-account ID] [--context KEY=VALUE]... [--wildcard-only-action]\n"
    "                           [--identity FILE]... [--resource-policy FILE] [--boundary FILE]...\n"
    "                           [--session FILE] [--endpoint FILE]... [--scp FILE]... [--rcp FILE]...\n"
    "                           [--level] [--format text|json]\n"
    "       policylint simulate --batch FILE.jsonl|-\n"
    "Decides a request as AWS does (Allowed, ImplicitlyDenied or ExplicitlyDenied) and explains\n"
    "which policy, statement and condition decided it.\n"
    "  --principal ARN       an IAM user, role, root, assumed-role or federated-user ARN, an\n"
    "                        account ID, or a service principal (lambda.amazonaws.com)\n"
    "  --anonymous           an unsigned request\n"
    "  --context KEY=VALUE   a request context value; a key given more than once is multivalued\n"
    "  --scp/--rcp FILE      an SCP or RCP; --level starts the next organization level (root first)\n"
    "  --batch FILE|-        one case per line (iam-simulate's core engine case shape); prints one\n"
    "                        JSON line per case: {\"name\", \"decision\", \"explain\"} or {\"name\", \"error\"}\n"
    "Exit status: 0 Allowed, 1 denied, 2 usage error or unreadable input (batch: 0 unless the\n"
    "file cannot be read).\n";

struct PolicyFile {
  PolicyRole role;
  std::string path;
  std::size_t level = 0;
};

struct Options {
  Request request;
  bool principal_given = false;
  std::vector<PolicyFile> policies;
  std::size_t scp_level = 0;
  std::size_t rcp_level = 0;
  bool next_scp_level = false;
  bool next_rcp_level = false;
  bool scp_seen = false;
  bool rcp_seen = false;
  std::string batch;
  TextOrJson format = TextOrJson::text;
};

// A batch file holds many cases; reading still stops somewhere, so that
// /dev/zero or an endless pipe cannot exhaust memory.
constexpr std::size_t kBatchLimit = std::size_t{1} << 30;

int usage_error(const std::string& message) {
  std::fprintf(stderr, "policylint: %s\n%s", message.c_str(), kUsage);
  return exit_usage;
}

/// Reads `--option VALUE` or `--option=VALUE` at args[i].
bool option_value(Args args, std::size_t& i, std::string_view option, std::string& value, bool& missing) {
  const std::string_view arg = args[i];
  if (arg == option) {
    if (i + 1 == args.size()) {
      missing = true;
      return true;
    }
    value = std::string(args[++i]);
    return true;
  }
  if (arg.size() > option.size() && arg.starts_with(option) && arg[option.size()] == '=') {
    value = std::string(arg.substr(option.size() + 1));
    return true;
  }
  return false;
}

void add_context(Request& request, const std::string& assignment) {
  const std::size_t equals = assignment.find('=');
  const std::string key = assignment.substr(0, equals);
  const std::string value = equals == std::string::npos ? std::string() : assignment.substr(equals + 1);
  for (ContextEntry& entry : request.context) {
    if (entry.key == key) {
      entry.value.values.push_back(value);
      entry.value.multivalued = true;
      return;
    }
  }
  request.context.push_back({key, {{value}, false}});
}

/// Returns -1 when the arguments were read, else the exit status.
int parse(Args args, Options& options) {
  static const std::map<std::string_view, PolicyRole> kPolicyOptions = {
      {"--identity", PolicyRole::identity}, {"--resource-policy", PolicyRole::resource},
      {"--boundary", PolicyRole::boundary}, {"--session", PolicyRole::session},
      {"--endpoint", PolicyRole::endpoint}, {"--scp", PolicyRole::scp},
      {"--rcp", PolicyRole::rcp}};
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (arg == "-h" || arg == "--help") {
      std::fputs(kUsage, stdout);
      return exit_clean;
    }
    const OptionResult format = parse_text_or_json(args, i, options.format);
    if (format == OptionResult::error) return exit_usage;
    if (format == OptionResult::parsed) continue;
    if (arg == "--anonymous") {
      options.request.anonymous = true;
      options.principal_given = true;
      continue;
    }
    if (arg == "--wildcard-only-action") {
      options.request.wildcard_only_action = true;
      continue;
    }
    if (arg == "--level") {
      options.next_scp_level = true;
      options.next_rcp_level = true;
      continue;
    }
    std::string value;
    bool missing = false;
    bool matched = false;
    for (const auto& [option, role] : kPolicyOptions) {
      if (!option_value(args, i, option, value, missing)) continue;
      matched = true;
      if (missing) return usage_error(std::string(option) + " needs a FILE");
      PolicyFile file{role, value, 0};
      // --level moves the next SCP and the next RCP to a new level.
      if (role == PolicyRole::scp) {
        if (options.next_scp_level && options.scp_seen) ++options.scp_level;
        options.next_scp_level = false;
        options.scp_seen = true;
        file.level = options.scp_level;
      } else if (role == PolicyRole::rcp) {
        if (options.next_rcp_level && options.rcp_seen) ++options.rcp_level;
        options.next_rcp_level = false;
        options.rcp_seen = true;
        file.level = options.rcp_level;
      }
      options.policies.push_back(std::move(file));
      break;
    }
    if (matched) continue;
    const std::pair<std::string_view, std::string*> kValues[] = {
        {"--action", &options.request.action},
        {"--resource", &options.request.resource},
        {"--principal", &options.request.principal},
        {"--resource-account", &options.request.resource_account},
        {"--batch", &options.batch}};
    for (const auto& [option, target] : kValues) {
      if (!option_value(args, i, option, value, missing)) continue;
      matched = true;
      if (missing) return usage_error(std::string(option) + " needs a value");
      *target = value;
      if (option == "--principal") options.principal_given = true;
      break;
    }
    if (matched) continue;
    if (option_value(args, i, "--context", value, missing)) {
      if (missing || value.find('=') == std::string::npos) return usage_error("--context needs KEY=VALUE");
      add_context(options.request, value);
      continue;
    }
    return usage_error("unknown argument '" + std::string(arg) + "' for simulate");
  }
  return -1;
}

int run_batch(const std::string& path) {
  const std::optional<std::string> read = read_named_input(path, kBatchLimit);
  if (!read) {
    return exit_usage;
  }
  const std::string& text = *read;
  std::string name;
  std::string error;
  std::string out;
  std::size_t from = 0;
  while (from < text.size()) {
    std::size_t end = text.find('\n', from);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + from, end - from);
    from = end + 1;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    const std::optional<SimulationCase> loaded = read_simulation_case(line, name, error);
    out = loaded ? simulation_result_json(name, loaded->policies->evaluate(loaded->request))
                 : simulation_error_json(name, error);
    out += '\n';
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return exit_clean;
}

void print_text(const Evaluation& evaluation) {
  std::printf("%.*s: %s\n", static_cast<int>(to_string(evaluation.decision).size()),
              to_string(evaluation.decision).data(), evaluation.reason.c_str());
  if (!evaluation.denied_by.empty()) {
    std::printf("denied by:");
    for (const PolicyRole role : evaluation.denied_by) std::printf(" %.*s", static_cast<int>(to_string(role).size()), to_string(role).data());
    std::printf("\n");
  }
  const auto yes = [](bool value) { return value ? "yes" : "no"; };
  for (const PolicyExplanation& policy : evaluation.policies) {
    const std::string_view role = to_string(policy.role);
    const std::string_view result = to_string(policy.result);
    std::printf("%.*s policy %s", static_cast<int>(role.size()), role.data(), policy.name.c_str());
    if (policy.role == PolicyRole::scp || policy.role == PolicyRole::rcp) std::printf(" (level %zu)", policy.level);
    std::printf(": %.*s\n", static_cast<int>(result.size()), result.data());
    const std::string& file = policy.name;  // the policy's path
    for (const StatementExplanation& statement : policy.statements) {
      std::printf("  %s:%u:%u: statement %zu%s%s%s %s: ", file.c_str(), statement.range.begin.line,
                  statement.range.begin.column, statement.index, statement.sid.empty() ? "" : " (",
                  statement.sid.c_str(), statement.sid.empty() ? "" : ")",
                  statement.effect == Effect::allow ? "Allow" : statement.effect == Effect::deny ? "Deny" : "(no valid Effect)");
      if (statement.applies) {
        std::printf("applies\n");
      } else {
        std::printf("does not apply (principal %s, action %s, resource %s, conditions %s)\n",
                    yes(statement.principal_matched), yes(statement.action_matched), yes(statement.resource_matched),
                    yes(statement.conditions_matched));
      }
      for (const ConditionExplanation& condition : statement.conditions) {
        std::printf("    %s:%u:%u: %s %s: %s, %s\n", file.c_str(), condition.range.begin.line,
                    condition.range.begin.column, condition.op.c_str(), condition.key.c_str(),
                    condition.matched ? "holds" : "fails", condition.reason.c_str());
      }
    }
  }
}

}  // namespace

int run_simulate(Args args) {
  Options options;
  if (const int status = parse(args, options); status >= 0) return status;
  if (!options.batch.empty()) {
    if (!options.policies.empty() || !options.request.action.empty()) {
      return usage_error("--batch takes no request or policy options");
    }
    return run_batch(options.batch);
  }
  if (options.request.action.empty()) return usage_error("simulate needs --action");
  if (options.request.resource.empty()) return usage_error("simulate needs --resource");
  if (!options.principal_given) return usage_error("simulate needs --principal or --anonymous");

  PolicySetBuilder builder;
  std::size_t scp_levels = 0;
  std::size_t rcp_levels = 0;
  for (const PolicyFile& file : options.policies) {
    std::optional<std::string> bytes = read_named_input(file.path, ParseLimits{}.max_bytes);
    if (!bytes) {
      return exit_usage;
    }
    const Document document = parse_document(file.path, std::move(*bytes));
    if (!document.policy) {
      const SyntaxIssue& issue = document.issues.front();
      std::fprintf(stderr, "%s:%u:%u: error: not a policy document: %s\n", file.path.c_str(), issue.range.begin.line,
                   issue.range.begin.column, issue.detail.c_str());
      return exit_usage;
    }
    if (file.role == PolicyRole::scp) {
      while (scp_levels <= file.level) builder.begin_level(PolicyRole::scp, "level " + std::to_string(scp_levels++));
    }
    if (file.role == PolicyRole::rcp) {
      while (rcp_levels <= file.level) builder.begin_level(PolicyRole::rcp, "level " + std::to_string(rcp_levels++));
    }
    builder.add(file.role, file.path, *document.policy);
  }
  const Evaluation evaluation = builder.compile()->evaluate(options.request);
  if (options.format == TextOrJson::json) {
    const std::string line = simulation_result_json({}, evaluation) + "\n";
    std::fwrite(line.data(), 1, line.size(), stdout);
  } else {
    print_text(evaluation);
  }
  return evaluation.decision == Decision::allowed ? exit_clean : exit_findings;
}

}  // namespace policylint::cli
