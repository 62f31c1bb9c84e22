#!/bin/bash
# test.sh - the whole test suite: the README's second command, and all that
# .ci/run does (CI runs `bash .ci/run`, CI=true). Three builds, one suite:
#
#   1. scripts/setup.sh builds ./build; the whole ctest suite runs on it.
#   2. ./build-asan (-DMANDELC_SANITIZE=ON: ASan + UBSan, no recovery, LSan
#      at exit) runs the whole suite again; any report fails its test.
#   3. ./build-fuzz (clang, -DMANDELC_FUZZ=ON) runs each libFuzzer harness
#      for FUZZ_SECONDS (60 s, fixed seed) and the crash regressions.
# Each stage stops the run at its first failure (set -e), so the closing
# line is always the summary of the ctest run that decided the outcome.
# Measured on the 2-core machine while other jobs ran (2026-12-07):
# suites 725 s normal, 800 s ASan, 192 s fuzz, about 35 min with the
# builds, apt installs aside.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
ctest --test-dir build --output-on-failure -j2

# ASan's leak check is on for every mandelc the tests start (a leak is
# exit 23, which fails the test); no suppressions are needed: LLVM frees
# what mandelc asks it for, and its static objects are reachable at exit.
export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export CK_TIMEOUT_MULTIPLIER=10  # check's 4 s per test, under ASan
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DMANDELC_SANITIZE=ON
cmake --build build-asan -j"$(nproc)"
ctest --test-dir build-asan --output-on-failure -j2 --timeout 1800

CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMANDELC_FUZZ=ON \
  -DFUZZ_SECONDS="${FUZZ_SECONDS:-60}"
cmake --build build-fuzz -j"$(nproc)" --target mandelc fuzz_parse \
  fuzz_infer fuzz_compile
ctest --test-dir build-fuzz --output-on-failure -R '^fuzz_'
