#!/bin/sh
# bench_check.sh - bench/cuda/ builds, and fails cleanly without a GPU.
#
#   sh tests/cuda/bench_check.sh SOURCE_DIR MANDELC
#
# nvcc must compile bench/cuda/mandel_ref.cu (bench_cuda.sh --build). On a
# machine without a GPU, bench_cuda.sh must then exit 4 with a message
# saying so, and leave bench/RESULTS.md as it was: no number is recorded
# without a GPU. With a GPU only the build is checked here (a real run
# appends to RESULTS.md; run bench_cuda.sh by hand for that).
set -eu
src=$1
export MANDELC=$2
script=$src/bench/cuda/bench_cuda.sh
fail() { echo "bench_check: $*" >&2; exit 1; }

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
BENCH_CUDA_DIR=$dir bash "$script" --build || fail "bench_cuda.sh --build failed"
if "$dir/mandel_ref" --device >/dev/null 2>&1; then
  echo "bench_check: a GPU is here; only the build was checked"
  exit 0
fi
before=$(cksum <"$src/bench/RESULTS.md")
rc=0
err=$(bash "$script" 2>&1 >/dev/null) || rc=$?
[ "$rc" = 4 ] || fail "without a GPU bench_cuda.sh exited $rc, not 4: $err"
echo "$err" | grep -q "no usable GPU" || fail "no message about the GPU: $err"
[ "$(cksum <"$src/bench/RESULTS.md")" = "$before" ] ||
  fail "bench/RESULTS.md changed without a GPU"
echo "bench_check: mandel_ref.cu builds; without a GPU: $err"
