// The library's load_config on paths that are not configuration files.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "cli_support.hpp"
#include "policylint/config.hpp"

TEST_CASE("load_config refuses a directory and a FIFO without waiting on them", "[config]") {
  const policylint::test::TempDir directory;
  const policylint::ConfigLoad from_directory = policylint::load_config(directory.path());
  REQUIRE(from_directory.errors.size() == 1);
  CHECK(from_directory.errors[0].message == "is a directory");

  const std::filesystem::path fifo = directory.path() / ".policylint.json";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const policylint::ConfigLoad from_fifo = policylint::load_config(fifo);
  REQUIRE(from_fifo.errors.size() == 1);
  CHECK(from_fifo.errors[0].message == "not a regular file (a FIFO)");
}
