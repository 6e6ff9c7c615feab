// `policylint catalog [--format text|json]`: which IAM data is compiled in.
#include <cstdio>
#include <string>

#include "commands.hpp"
#include "policylint/catalog.hpp"
#include "text_or_json_option.hpp"

namespace policylint::cli {
namespace {

constexpr std::string_view kUsage =
    "usage: policylint catalog [--format text|json]\n"
    "Shows which IAM data is compiled in: its source, version and counts.\n";

}  // namespace

int run_catalog(Args args) {
  TextOrJson format = TextOrJson::text;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-h" || args[i] == "--help") {
      std::fwrite(kUsage.data(), 1, kUsage.size(), stdout);
      return exit_clean;
    }
    const OptionResult parsed = parse_text_or_json(args, i, format);
    if (parsed == OptionResult::error) return exit_usage;
    if (parsed == OptionResult::not_this_option) {
      std::fprintf(stderr, "policylint: unknown argument '%s'\n", std::string(args[i]).c_str());
      std::fwrite(kUsage.data(), 1, kUsage.size(), stderr);
      return exit_usage;
    }
  }
  const std::string source(catalog::data_source());
  const std::string version(catalog::data_version());
  const catalog::Counts counts = catalog::counts();
  if (format == TextOrJson::json) {
    std::printf(
        "{\"source\": \"%s\", \"version\": \"%s\", \"services\": %zu, \"actions\": %zu, "
        "\"resource_types\": %zu, \"condition_keys\": %zu}\n",
        source.c_str(), version.c_str(), counts.services, counts.actions, counts.resource_types,
        counts.condition_keys);
  } else {
    std::printf("IAM catalog: %s %s\nservices:       %zu\nactions:        %zu\nresource types: %zu\n"
                "condition keys: %zu\n",
                source.c_str(), version.c_str(), counts.services, counts.actions, counts.resource_types,
                counts.condition_keys);
  }
  return exit_clean;
}

}  // namespace policylint::cli
