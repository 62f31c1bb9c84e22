#!/bin/bash
# device_run.sh - the checks that need a GPU, in one call of a lent machine.
#
#   bash tests/cuda/device_run.sh CARRY_DIR LOG_DIR
#
# CI has no GPU, so the CUDA target's runs on real hardware happen only
# when a session is lent a GPU machine, which has no LLVM, libffi or
# libpng of its own and cannot install them. CARRY_DIR holds what was
# built here for it: mandelc.xz (a Release build with MANDELC_LLVM_STATIC
# =ON, stripped and xz'ed), cuda_gpu_test, and libffi.so.8 and
# libpng16.so.16. The script unpacks them and runs, each under a time
# limit so that one hang cannot eat the lease:
#   1. the tutorial's program at `1000 1000` on the GPU, against CPython;
#   2. tests/cuda/gpu_test.c (the CTest test cuda_gpu);
#   3. the conformance suite with --target=cuda (tests/run_kernels.py);
#   4. --compare on the GPU, and the show tests' Gpu group (picture,
#      --compare, report);
#   5. bench/cuda/bench_cuda.sh (mandelc against hand-written CUDA C).
# Each writes its log to LOG_DIR; a summary line per step goes to stdout
# and LOG_DIR/summary.txt. Exit status: the number of failed steps.
set -u
carry=$(cd "$1" && pwd)
logs=$2
cd "$(dirname "$0")/../.."
mkdir -p "$logs" /tmp/mandelc-dev
bin=/tmp/mandelc-dev
xz -dc "$carry/mandelc.xz" >"$bin/mandelc" && chmod +x "$bin/mandelc"
cp "$carry/cuda_gpu_test" "$bin/" && chmod +x "$bin/cuda_gpu_test"
cp "$carry"/lib*.so.* "$bin/"
export PATH=/usr/local/cuda/bin:$PATH
export LD_LIBRARY_PATH=/usr/local/cuda/lib64:$bin:${LD_LIBRARY_PATH:-}
export MANDELC=$bin/mandelc PYTHONUNBUFFERED=1
failed=0

say() { echo "$*" | tee -a "$logs/summary.txt"; }
step() {                          # step NAME SECONDS COMMAND...
  local name=$1 limit=$2 rc=0 t0 t1
  shift 2
  t0=$(date +%s.%N)
  timeout "$limit" "$@" >"$logs/$name.log" 2>&1 || rc=$?
  t1=$(date +%s.%N)
  say "$(printf '%-12s rc=%-3s %6.1f s  %s' "$name" "$rc" \
    "$(awk "BEGIN {print $t1 - $t0}")" "$(tail -n 1 "$logs/$name.log")")"
  [ "$rc" = 0 ] || failed=$((failed + 1))
}

say "gpu: $(nvidia-smi --query-gpu=name,driver_version --format=csv,noheader)"
say "mandelc: $("$MANDELC" --version | head -n 1)"

# 1. the tutorial's program on the GPU, against CPython's own output
tutorial() {
  local k=examples/pure_python_2.py
  "$MANDELC" $k 1000 1000 --target=cuda >/tmp/gpu.out || return 1
  python3 tests/refdriver.py $k 1000 1000 >/tmp/cpy.out || return 1
  grep -v "Main took" /tmp/gpu.out >/tmp/gpu.cmp
  grep -v "Main took" /tmp/cpy.out >/tmp/cpy.cmp
  diff /tmp/cpy.cmp /tmp/gpu.cmp || return 1
  tail -n 2 /tmp/gpu.out
  echo "identical to CPython's output ($(wc -l </tmp/gpu.out) lines)"
}
export -f tutorial
step tutorial 120 bash -c tutorial
step gpu_test 60 "$bin/cuda_gpu_test"
step conform 240 python3 tests/run_kernels.py "$MANDELC" --target=cuda -j 16
step compare 60 "$MANDELC" examples/pure_python3.py 200 200 --target=cuda \
  --compare
step show_gpu 90 python3 tests/show/show_test.py "$MANDELC" /tmp -k Gpu
cp bench/RESULTS.md /tmp/RESULTS.before
step bench 180 bash bench/cuda/bench_cuda.sh
diff /tmp/RESULTS.before bench/RESULTS.md >"$logs/bench_results.diff"
say "failed steps: $failed"
exit "$failed"
