#!/usr/bin/env bash
# The project's one entry point for a fresh Debian 12 machine.
#   tools/bootstrap.sh demo   install what is missing, build, lint corpus/
#   tools/bootstrap.sh test   install what is missing, build, run every test:
#                             release build (g++), shared-library build (g++:
#                             what links the shared library: C API, packages, CLI),
#                             ASan+UBSan build (clang), and a short libFuzzer
#                             run over the seed corpus
# Build trees go to build/release, build/shared, build/sanitize and build/fuzz.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
jobs=$(nproc 2>/dev/null || echo 2)

packages=(build-essential cmake ninja-build pkg-config git python3 python3-jsonschema
          nlohmann-json3-dev libre2-dev catch2 libfmt-dev libbenchmark-dev libyaml-cpp-dev
          clang-14 libclang-rt-14-dev valgrind)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

configure_and_build() {  # dir, then extra cmake arguments
  local dir=$1
  shift
  cmake -S "$root" -B "$dir" -G Ninja -DPOLICYLINT_WERROR=ON "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
}

run_tests() {  # dir
  ctest --test-dir "$1" -j "$jobs" --output-on-failure --timeout 600
}

demo() {
  configure_and_build build/release -DCMAKE_BUILD_TYPE=Release
  echo
  echo "\$ policylint corpus/"
  build/release/tools/policylint corpus/ || true
}

test_all() {
  echo "== release build (g++) and tests, with the .deb and .tar.gz"
  configure_and_build build/release -DCMAKE_BUILD_TYPE=Release -DPOLICYLINT_PACKAGE_TESTS=ON
  run_tests build/release

  # The unit tests link the library's objects statically in every build, so
  # the shared build runs what links libpolicylint.so as users do: the C API
  # programs, the package tests and the CLI.
  echo "== shared library build (g++): C API, package and CLI tests"
  configure_and_build build/shared -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON -DPOLICYLINT_BUILD_UNIT_TESTS=OFF
  run_tests build/shared

  echo "== ASan+UBSan build (clang) and tests"
  CC=clang-14 CXX=clang++-14 configure_and_build build/sanitize -DCMAKE_BUILD_TYPE=Debug -DPOLICYLINT_SANITIZE=ON
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run_tests build/sanitize

  echo "== libFuzzer smoke run"
  CC=clang-14 CXX=clang++-14 configure_and_build build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPOLICYLINT_BUILD_FUZZERS=ON -DPOLICYLINT_SANITIZE=ON -DPOLICYLINT_BUILD_TESTS=OFF -DPOLICYLINT_BUILD_TOOLS=OFF
  # Every target from its seeds, 5 seconds each (fuzz/README.md has the long run).
  local work target
  for target in lint report secrets credential_report config baseline evaluator template; do
    work=$(mktemp -d)
    cp fuzz/seeds/"$target"/* "$work"/
    echo "-- $target"
    build/fuzz/fuzz/policylint_fuzz_"$target" -max_total_time=5 -max_len=4096 -timeout=10 "$work" 2>&1 | tail -n 2
    rm -rf "$work"
  done
}

case "${1:-}" in
  demo) install_packages; demo ;;
  test) install_packages; test_all ;;
  *) echo "usage: tools/bootstrap.sh demo|test" >&2; exit 2 ;;
esac
