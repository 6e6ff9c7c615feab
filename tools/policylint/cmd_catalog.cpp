// `policylint catalog [--format text|json]`: which IAM data is compiled in.
#include <cstdio>
#include <string>

#include "commands.hpp"
#include "policylint/catalog.hpp"
#include "text_or_json_option.hpp"

namespace policylint::cli {

int run_catalog(Args args) {
  TextOrJson format = TextOrJson::text;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const OptionResult parsed = parse_text_or_json(args, i, format);
    if (parsed == OptionResult::error) return exit_usage;
    if (parsed == OptionResult::not_this_option) {
      std::fprintf(stderr, "policylint: unknown argument '%s'\n", std::string(args[i]).c_str());
      std::fputs("usage: policylint catalog [--format text|json]\n", stderr);
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
