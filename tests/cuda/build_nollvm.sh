#!/bin/sh
# build_nollvm.sh - a CUDA-only mandelc still builds and compiles kernels.
#
#   sh tests/cuda/build_nollvm.sh SOURCE_DIR [BUILD_DIR]
#
# Configures SOURCE_DIR with -DMANDELC_LLVM=OFF in BUILD_DIR (default: a
# temporary directory, removed afterwards), builds only the mandelc target
# (-j2), then checks that this mandelc says it has no LLVM, writes CUDA C
# and PTX (NVRTC) for the tutorial's program, and refuses --target=llvm
# with exit status 4 and a message. Exit status 0 when all of that holds.
set -eu
src=$1
dir=${2:-}
if [ -z "$dir" ]; then
  dir=$(mktemp -d)
  trap 'rm -rf "$dir"' EXIT
fi
fail() { echo "build_nollvm: $*" >&2; exit 1; }

cmake -S "$src" -B "$dir" -DMANDELC_LLVM=OFF -DCMAKE_BUILD_TYPE=Release \
  >"$dir/configure.log" 2>&1 || { cat "$dir/configure.log"; fail "configure"; }
cmake --build "$dir" --target mandelc -j2 >"$dir/build.log" 2>&1 ||
  { tail -40 "$dir/build.log"; fail "the build without LLVM failed"; }
m=$dir/mandelc
kernel=$src/examples/pure_python_2.py

"$m" --version | grep -q "built without LLVM" ||
  fail "--version does not say it was built without LLVM"
"$m" "$kernel" --emit=cuda >"$dir/k.cu" || fail "--emit=cuda failed"
grep -q 'extern "C" __global__ void mandelc_kernel' "$dir/k.cu" ||
  fail "--emit=cuda wrote no kernel"
"$m" "$kernel" --emit=ptx >"$dir/k.ptx" || fail "--emit=ptx failed"
grep -q '\.entry mandelc_kernel' "$dir/k.ptx" ||
  fail "--emit=ptx wrote no PTX entry"
rc=0
"$m" "$kernel" 100 30 --target=llvm >/dev/null 2>"$dir/llvm.err" || rc=$?
[ "$rc" = 4 ] || fail "--target=llvm exited $rc, not 4"
grep -q "built without LLVM" "$dir/llvm.err" ||
  fail "--target=llvm did not say why: $(cat "$dir/llvm.err")"
echo "build_nollvm: a mandelc without LLVM builds, emits CUDA C and PTX"
