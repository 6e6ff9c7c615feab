#include "lint_arguments.hpp"

#include <charconv>
#include <cstdio>
#include <functional>
#include <map>
#include <vector>

#include "policylint/option_values.hpp"
#include "policylint/catalog.hpp"
#include "policylint/config.hpp"
#include "policylint/hygiene.hpp"
#include "policylint/version.hpp"

namespace policylint::cli {
namespace {

constexpr std::string_view kHelp = R"(NAME
    policylint - offline static analyzer for AWS IAM policies

SYNOPSIS
    policylint [OPTIONS] [PATH...]
    policylint credential-report [OPTIONS] REPORT.csv...
    policylint rules [--format text|json]
    policylint explain CODE|NAME
    policylint expand [--not] [--format text|json] PATTERN...
    policylint catalog [--format text|json]
    policylint simulate --action A --resource ARN --principal ARN [POLICIES...]
    policylint simulate --batch FILE.jsonl|-
    policylint help [COMMAND]      (or COMMAND --help)

DESCRIPTION
    Reports, at file:line:col and with a fix, where IAM policy documents are
    invalid, wider than they need to be, or otherwise risky. It needs no
    network access and no AWS credentials.

    PATH is a file, a directory, a glob, or - for standard input; with no
    PATH the current directory is linted. A file named on the command line is
    always linted. In a directory, policylint lints what git tracks plus
    untracked files git does not ignore, passing over vendored directories
    (node_modules, vendor, .terraform, ...: see --no-default-excludes) even
    when git tracks them; outside a git work tree it also skips build, dist
    and hidden directories. Of the *.json files a walk finds, those that are IAM policy
    documents (an object with a "Statement") are linted; other JSON files are
    passed over and counted in the summary. A file that is not valid JSON is
    linted only when its text contains "Statement". A glob argument (quote
    it: 'policies/**/*.json') is matched like a walk, and * also matches /.
    A walk enters git submodules, runs git without any command a
    repository's configuration names, and does not follow links to files
    outside the directory walked (it names them and counts them in the
    summary). Only regular files and standard input are read: a FIFO,
    device or socket named on the command line is an error.

OUTPUT
    --format FORMAT
        text (default): path:line:col: severity: message [CODE name], then
        the source line with a caret under the problem, and a summary line.
        json: the report described in docs/json-report.md.
        sarif: SARIF 2.1.0 for code scanning, paths relative to the current
        directory. github: GitHub Actions annotations (::error file=...).
    --statistics
        print how many findings each rule produced instead of the findings
        (text format only).
    --color WHEN
        auto (default: colour when standard output is a terminal and NO_COLOR
        is unset or empty), always or never.
    --no-source
        do not print the source line under each finding.
    --output-file FILE
        write the report (any format) to FILE instead of standard output;
        the summary line goes to standard error.
    -q, --quiet
        print no summary line, only the findings.
    --exit-zero
        exit 0 even when findings are at or above --fail-on (2 still means
        a usage error or a file that cannot be read).

RULES
    --select LIST
        run only these rules: comma-separated rule codes (PL101), names
        (unknown-element), code prefixes (PL1) or categories (syntax).
        Replaces the configuration's "select".
    --ignore LIST
        do not run these rules (same forms). Replaces the configuration's
        "ignore".
    --policy-type TYPE
        lint every input as TYPE: identity, resource, trust, scp, rcp,
        boundary, session or endpoint. Without it, the configuration's
        "policy-types" decide, else the type is detected per document.
    --require-mfa
        your organisation requires MFA: rules report its absence.
    --legacy-scp
        check SCPs against the grammar before September 2025 (no Condition,
        NotAction or specific Resource in Allow, no NotResource).
    --fail-on SEVERITY
        exit 1 when a finding is at least this severe: error, security,
        warning (default) or suggestion.

ACCOUNT HYGIENE
    Every file is also searched for AWS access keys (PL530-PL532; the keys
    are masked in every output), and IAM credential reports (the CSV of
    `aws iam get-credential-report`, found by its header) are checked
    (PL500-PL515). See docs/hygiene.md.
    --no-secrets
        do not search files for AWS access keys.
    --as-of DATE
        judge credential reports (and time conditions) on DATE, YYYY-MM-DD
        (default: today, UTC).
    --max-key-age DAYS
        active access keys older than DAYS are due for rotation (default 90).
    --max-unused-days DAYS
        passwords and active keys unused for longer are unused (default 90).
    --root-use-days DAYS
        root used within DAYS counts as daily use (default 30).

FILES
    --config FILE
        read this configuration instead of looking for .policylint.json in
        the current directory and its parents.
    --no-config
        read no configuration file.
    --include GLOB
        lint the files a walk finds that match GLOB (repeatable; replaces the
        default *.json and the configuration's "include").
    --exclude GLOB
        pass over files and directories matching GLOB (repeatable; added to
        the configuration's "exclude"). A glob without / matches any path
        component; one with / matches the path or a leading directory.
    --no-default-excludes
        enter the directories a walk passes over by default, even when git
        tracks them: node_modules, vendor, .terraform, .terragrunt-cache,
        .venv, venv, __pycache__, .tox, bower_components, .aws-sam and
        cdk.out/asset.* (also "default-excludes": false in the configuration).
        Outside git, .git is still skipped.
    --force-exclude
        apply exclusions to files named on the command line too (for hooks
        that pass every staged file).
    --policies-only
        treat files named on the command line like files a walk finds: JSON
        that is not a policy document is passed over.
    --stdin-filename NAME
        the name of standard input in reports and for per-path settings.
    --baseline FILE
        report only findings that FILE does not record.
    --write-baseline FILE
        record every current finding in FILE and exit 0. Fingerprints leave
        out line numbers, so they survive edits elsewhere in the file.

OTHER
    --show-settings
        print the settings a run with these arguments uses, and where each
        comes from (default, the configuration file, command line), then
        exit without linting.
    --init
        write a starting .policylint.json in the current directory, with
        policy-types guessed from folder names (scp/, rcp/, trust/,
        boundaries/) and file names (*trust*, *bucket-policy*, *boundary*,
        *endpoint-policy*), and print what was guessed. Never overwrites.
    -j, --jobs N
        lint on N threads (default: one per core).
    --version
        print the version of policylint and of its IAM catalog.
    -h, --help
        print this help.

CONFIGURATION
    .policylint.json: "select", "ignore", "severity", "per-file-ignores",
    "policy-types", "include", "exclude", "fail-on", "require-mfa",
    "legacy-scp", "credential-report" (thresholds) and "options". See
    docs/configuration.md. Command-line options win.

EXIT STATUS
    0   no finding at or above --fail-on (or --exit-zero)
    1   at least one finding at or above --fail-on
    2   usage error, bad configuration or baseline, or a file that cannot
        be read

ENVIRONMENT
    NO_COLOR    when set and not empty, no colour unless --color always.

EXAMPLES
    policylint                                  lint the repository
    policylint --format sarif > policylint.sarif
    policylint --fail-on error role-trust.json
    cat policy.json | policylint --policy-type scp --stdin-filename scp.json -
    policylint --write-baseline .policylint-baseline.json
    policylint --baseline .policylint-baseline.json

SEE ALSO
    policylint rules, policylint explain CODE, policylint simulate --help,
    docs/cli.md, docs/simulate.md
)";

// The items of a comma-separated list, empty ones included: an empty
// selector ("--select ''", "PL1,,PL2") is refused, as in a configuration and
// the C API, rather than read as no selection at all.
std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  while (true) {
    const std::size_t comma = text.find(',');
    out.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) {
      return out;
    }
    text = text.substr(comma + 1);
  }
}

std::optional<std::vector<std::string>> selectors(std::string_view option, std::string_view text) {
  std::vector<std::string> list = split_list(text);
  for (const std::string& selector : list) {
    std::string error;
    if (!check_rule_selector(selector, error)) {
      usage_error(std::string(option) + ": " + error);
      return std::nullopt;
    }
  }
  return list;
}

// A credential report threshold in days.
bool days_value(std::string_view option, std::string_view v, std::optional<unsigned>& out) {
  unsigned days = 0;
  const auto [end, error] = std::from_chars(v.data(), v.data() + v.size(), days);
  if (error != std::errc() || end != v.data() + v.size()) {
    return usage_error(std::string(option) + " takes a number of days"), false;
  }
  out = days;
  return true;
}

// Options that take a value; each handler returns false after printing an error.
using ValueHandler = std::function<bool(std::string_view value, LintArguments& out)>;

const std::map<std::string_view, ValueHandler>& value_options() {
  static const std::map<std::string_view, ValueHandler> handlers = {
      {"--format",
       [](std::string_view v, LintArguments& out) {
         static const std::map<std::string_view, OutputFormat> formats = {
             {"text", OutputFormat::text},
             {"json", OutputFormat::json},
             {"sarif", OutputFormat::sarif},
             {"github", OutputFormat::github}};
         const auto found = formats.find(v);
         if (found == formats.end()) {
           return usage_error("unknown format '" + std::string(v) + "' (expected text, json, sarif or github)"), false;
         }
         out.format = found->second;
         return true;
       }},
      {"--policy-type",
       [](std::string_view v, LintArguments& out) {
         std::string error;
         out.lint_options.policy_type = read_policy_type(v, error);
         return out.lint_options.policy_type ? true : (usage_error(error), false);
       }},
      {"--fail-on",
       [](std::string_view v, LintArguments& out) {
         std::string error;
         out.fail_on = read_severity(v, error);
         return out.fail_on ? true : (usage_error(error), false);
       }},
      {"--select",
       [](std::string_view v, LintArguments& out) {
         auto list = selectors("--select", v);
         return list ? (out.lint_options.select = std::move(*list), true) : false;
       }},
      {"--ignore",
       [](std::string_view v, LintArguments& out) {
         auto list = selectors("--ignore", v);
         return list ? (out.lint_options.ignore = std::move(*list), true) : false;
       }},
      {"--color",
       [](std::string_view v, LintArguments& out) {
         if (v == "auto" || v == "always" || v == "never") {
           out.color = v == "auto" ? ColorChoice::automatic : v == "always" ? ColorChoice::always : ColorChoice::never;
           return true;
         }
         return usage_error("--color takes auto, always or never"), false;
       }},
      {"--as-of",
       [](std::string_view v, LintArguments& out) {
         std::string error;
         out.lint_options.as_of = read_date(v, error);
         return out.lint_options.as_of ? true : (usage_error("--as-of: " + error), false);
       }},
      {"--max-key-age",
       [](std::string_view v, LintArguments& out) {
         return days_value("--max-key-age", v, out.thresholds.max_access_key_age_days);
       }},
      {"--max-unused-days",
       [](std::string_view v, LintArguments& out) {
         return days_value("--max-unused-days", v, out.thresholds.max_unused_days);
       }},
      {"--root-use-days",
       [](std::string_view v, LintArguments& out) {
         return days_value("--root-use-days", v, out.thresholds.root_recent_use_days);
       }},
      {"--config", [](std::string_view v, LintArguments& out) { return out.config_file = v, true; }},
      {"--include", [](std::string_view v, LintArguments& out) { return out.include.emplace_back(v), true; }},
      {"--exclude", [](std::string_view v, LintArguments& out) { return out.exclude.emplace_back(v), true; }},
      {"--stdin-filename", [](std::string_view v, LintArguments& out) { return out.stdin_filename = v, true; }},
      {"--baseline", [](std::string_view v, LintArguments& out) { return out.baseline = v, true; }},
      {"--write-baseline", [](std::string_view v, LintArguments& out) { return out.write_baseline = v, true; }},
      {"--output-file", [](std::string_view v, LintArguments& out) { return out.output_file = v, true; }},
      {"--jobs",
       [](std::string_view v, LintArguments& out) {
         const auto [end, error] = std::from_chars(v.data(), v.data() + v.size(), out.jobs);
         if (error != std::errc() || end != v.data() + v.size() || out.jobs == 0) {
           return usage_error("--jobs takes a positive number"), false;
         }
         return true;
       }},
  };
  return handlers;
}

const std::map<std::string_view, bool LintArguments::*>& flag_options() {
  static const std::map<std::string_view, bool LintArguments::*> flags = {
      {"--statistics", &LintArguments::statistics},       {"--no-config", &LintArguments::no_config},
      {"--force-exclude", &LintArguments::force_exclude}, {"--policies-only", &LintArguments::policies_only},
      {"--no-secrets", &LintArguments::no_secrets},       {"--quiet", &LintArguments::quiet},
      {"--exit-zero", &LintArguments::exit_zero},         {"--show-settings", &LintArguments::show_settings},         {"--init", &LintArguments::init},         {"--no-default-excludes", &LintArguments::no_default_excludes},
  };
  return flags;
}

// Options handled inline in parse_lint_arguments, for "did you mean".
constexpr std::string_view kOtherOptions[] = {"--help", "--version", "--no-source", "--require-mfa", "--legacy-scp"};

std::string suggest_option(std::string_view wrong) {
  std::vector<std::string_view> names(std::begin(kOtherOptions), std::end(kOtherOptions));
  for (const auto& [name, handler] : value_options()) names.push_back(name);
  for (const auto& [name, flag] : flag_options()) names.push_back(name);
  return suggest_name(wrong, names);
}

std::optional<int> check_combinations(const LintArguments& out) {
  if (out.statistics && out.format != OutputFormat::text) {
    return usage_error("--statistics applies to the text format (the JSON report has summary.by_rule)");
  }
  if (out.output_file && out.write_baseline) {
    return usage_error("--output-file and --write-baseline both name where the report goes; give one");
  }
  if (out.config_file && out.no_config) {
    return usage_error("--config and --no-config contradict each other");
  }
  return std::nullopt;
}

}  // namespace

int usage_error(const std::string& message) {
  std::fprintf(stderr, "policylint: %s\n", message.c_str());
  std::fputs("Try 'policylint --help'.\n", stderr);
  return exit_usage;
}

std::optional<int> parse_lint_arguments(Args args, LintArguments& out) {
  bool only_paths = false;  // after "--"
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    if (only_paths || arg == "-" || !arg.starts_with('-')) {
      out.paths.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      only_paths = true;
    } else if (arg == "-h" || arg == "--help") {
      std::fwrite(kHelp.data(), 1, kHelp.size(), stdout);
      return exit_clean;
    } else if (arg == "--version") {
      std::printf("policylint %s (IAM catalog %.*s)\n", version(), static_cast<int>(catalog::data_version().size()),
                  catalog::data_version().data());
      return exit_clean;
    } else if (arg == "-q") {
      out.quiet = true;
    } else if (arg == "--no-source") {
      out.show_source = false;
    } else if (arg == "--require-mfa") {
      out.lint_options.require_mfa = true;
    } else if (arg == "--legacy-scp") {
      out.lint_options.legacy_scp = true;
    } else if (const auto flag = flag_options().find(arg); flag != flag_options().end()) {
      out.*(flag->second) = true;
    } else {
      // --name value, --name=value, -j N and -jN.
      std::optional<std::string_view> inline_value;
      if (const std::size_t equals = arg.find('='); equals != std::string_view::npos) {
        inline_value = arg.substr(equals + 1);
        arg = arg.substr(0, equals);
      } else if (arg.starts_with("-j") && arg.size() > 2) {
        inline_value = arg.substr(2);
        arg = "-j";
      }
      const auto handler = value_options().find(arg == "-j" ? "--jobs" : arg);
      if (handler == value_options().end()) {
        return usage_error("unknown option '" + std::string(arg) + "'" + suggest_option(arg));
      }
      if (!inline_value && i + 1 >= args.size()) {
        return usage_error(std::string(arg) + " needs a value");
      }
      if (!handler->second(inline_value ? *inline_value : args[++i], out)) {
        return exit_usage;
      }
    }
  }
  if (out.paths.empty()) {
    out.paths.emplace_back(".");
  }
  return check_combinations(out);
}

}  // namespace policylint::cli
