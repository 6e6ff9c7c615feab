// Feeds arbitrary bytes to the configuration reader; a configuration it
// accepts must make linters for any file without failing.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "policylint/config.hpp"
#include "policylint/linter_set.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes = policylint::fuzz::bytes_of(data, size);
  policylint::ConfigLoad load = policylint::parse_config("fuzz/.policylint.json", bytes);
  for (const policylint::ConfigError& error : load.errors) {
    (void)policylint::to_string(error);
  }
  if (!load.errors.empty()) {
    return 0;
  }
  policylint::LinterSet linters(std::move(load.config), policylint::LintOptions{});
  for (const char* file : {"fuzz/policy.json", "fuzz/trust/role.json", "other/scp.json"}) {
    (void)linters.for_file(file).lint(file, R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
      "Action": "s3:GetObject", "Resource": "*"}]})");
  }
  return 0;
}
