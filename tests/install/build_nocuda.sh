#!/bin/sh
# build_nocuda.sh - a CPU-only mandelc: configured where no CUDA toolkit is
# found, it builds, runs the LLVM target, and refuses the CUDA target.
#
#   sh tests/install/build_nocuda.sh SOURCE_DIR [BUILD_DIR]
#
# Configures SOURCE_DIR with the toolkit hidden (-DCUDA_ROOT=/nonexistent:
# CMake looks for NVRTC and cuda.h there only) in BUILD_DIR (default: a
# temporary directory, removed afterwards) and builds the mandelc target
# (-j2). Checks: configuring said it leaves the CUDA target out; the
# binary links no NVRTC; --version says it was built without CUDA; the
# tutorial's kernel gives CPython's sum on the LLVM target; --emit=cuda
# still writes CUDA C; --target=cuda and --emit=ptx exit 4 saying why.
set -eu
src=$1
dir=${2:-}
if [ -z "$dir" ]; then
  dir=$(mktemp -d)
  trap 'rm -rf "$dir"' EXIT
fi
fail() { echo "build_nocuda: $*" >&2; exit 1; }
mkdir -p "$dir"

cmake -S "$src" -B "$dir" -DCUDA_ROOT=/nonexistent \
  -DCMAKE_BUILD_TYPE=Release >"$dir/configure.log" 2>&1 ||
  { cat "$dir/configure.log"; fail "configure failed without CUDA"; }
grep -q "building without the CUDA target" "$dir/configure.log" ||
  fail "configuring did not say it leaves the CUDA target out"
cmake --build "$dir" --target mandelc -j2 >"$dir/build.log" 2>&1 ||
  { tail -40 "$dir/build.log"; fail "the build without CUDA failed"; }
m=$dir/mandelc
kernel=$src/examples/pure_python_2.py

if ldd "$m" | grep -q nvrtc; then fail "mandelc links NVRTC"; fi
"$m" --version | grep -q "built without CUDA" ||
  fail "--version does not say it was built without CUDA"
# CPython's sum of pure_python_2.py at 100 30 (README) is 6502.
"$m" "$kernel" 100 30 --no-cache >"$dir/run.out" || fail "the LLVM run failed"
grep -q "(for validation): 6502$" "$dir/run.out" ||
  fail "the LLVM run printed $(cat "$dir/run.out")"
"$m" "$kernel" --emit=cuda >"$dir/k.cu" || fail "--emit=cuda failed"
grep -q '__global__ void mandelc_kernel' "$dir/k.cu" ||
  fail "--emit=cuda wrote no kernel"
for args in "100 30 --target=cuda" "--emit=ptx"; do
  rc=0
  # shellcheck disable=SC2086
  "$m" "$kernel" $args >/dev/null 2>"$dir/cuda.err" || rc=$?
  [ "$rc" = 4 ] || fail "$args exited $rc, not 4: $(cat "$dir/cuda.err")"
  grep -q "built without CUDA" "$dir/cuda.err" ||
    fail "$args did not say why: $(cat "$dir/cuda.err")"
done
echo "build_nocuda: without the CUDA toolkit mandelc configures, builds," \
     "runs on the CPU and refuses --target=cuda (exit 4)"
