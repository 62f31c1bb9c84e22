#!/bin/bash
# bench_cuda.sh - mandelc --target=cuda against hand-written CUDA C.
#
#   bash bench/cuda/bench_cuda.sh            (on a machine with a GPU)
#   bash bench/cuda/bench_cuda.sh --build    (only build mandel_ref)
#   bash bench/cuda/bench_cuda.sh --no-record  (print, append nothing)
#
# Builds bench/cuda/mandel_ref.cu with nvcc (-O3 -fmad=false), then, at
# `8192 1000` and `1000 1000`, runs 5 times each: mandel_ref, and mandelc
# --target=cuda on examples/pure_python_2.py (--json: "main_seconds" is
# the kernel alone, "gpu_total_seconds" adds the copies to and from the
# device). Prints the medians, kernel and total, with the throughput ratio
# mandelc / hand-written (target: >= 0.9 for the kernel), and appends the
# table, dated and with the GPU's name, to bench/RESULTS.md (which only
# the benchmark scripts write; analysis goes to bench/ANALYSIS.md).
# Without a GPU it says so and exits 4, recording nothing.
# Needs nvcc (NVCC=path, default from PATH or /usr/local/cuda/bin) and
# ./build/mandelc (scripts/setup.sh) or MANDELC=path.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=5
SIZES=("8192 1000" "1000 1000")
MANDELC=${MANDELC:-build/mandelc}
KERNEL=examples/pure_python_2.py
NVCC=${NVCC:-$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)}
OUT=${BENCH_CUDA_DIR:-$(mktemp -d)}
REF=$OUT/mandel_ref
[ -n "${BENCH_CUDA_DIR:-}" ] || trap 'rm -rf "$OUT"' EXIT

die() { echo "bench_cuda.sh: $1" >&2; exit "${2:-1}"; }
RECORD=true
case ${1:-} in
  ""|--build) ;;
  --no-record) RECORD=false ;;
  *) die "unknown argument $1 (--build or --no-record)" 2 ;;
esac

[ -x "$NVCC" ] || die "nvcc not found (set NVCC=/path/to/nvcc)"
"$NVCC" -O3 -fmad=false -o "$REF" bench/cuda/mandel_ref.cu ||
  die "nvcc could not build bench/cuda/mandel_ref.cu"
if [ "${1:-}" = --build ]; then
  echo "bench_cuda.sh: built $REF"
  exit 0
fi

GPU=$("$REF" --device 2>/dev/null) ||
  die "no usable GPU here (mandel_ref --device failed): nothing measured, \
nothing recorded in bench/RESULTS.md" 4
[ -x "$MANDELC" ] || die "no mandelc at $MANDELC (set MANDELC=path)"
# for this GPU's own architecture (the first build is generic)
"$NVCC" -O3 -fmad=false -arch=native -o "$REF" bench/cuda/mandel_ref.cu

# median of the numbers on stdin
median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# one run of each: "KERNEL_S TOTAL_S SUM"
run_ref() { "$REF" "$1" "$2"; }
run_mandelc() {
  "$MANDELC" "$KERNEL" "$1" "$2" --target=cuda --json 2>/dev/null |
    python3 -c 'import json, sys; o = json.load(sys.stdin)
print("%.6f %.6f %d" % (o["main_seconds"], o["gpu_total_seconds"],
                        o["sum"]))'
}

# VARIANT W MAXITER -> "KERNEL_MEDIAN TOTAL_MEDIAN SUM"
measure() {
  local kernels=() totals=() out sum
  for _ in $(seq $RUNS); do
    out=$("run_$1" "$2" "$3") || die "$1 $2 $3 failed"
    read -r k t sum <<<"$out"
    kernels+=("$k")
    totals+=("$t")
  done
  echo "$(printf '%s\n' "${kernels[@]}" | median)" \
       "$(printf '%s\n' "${totals[@]}" | median) $sum"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }

table="### $(date -u '+%Y-%m-%d %H:%M UTC'), GPU: $GPU

\`mandelc $KERNEL W MAXITER --target=cuda\` (float64, exact) against
bench/cuda/mandel_ref.cu (nvcc -O3 -fmad=false, |z|^2 > 4), median of $RUNS
runs. kernel: the launch alone (CUDA events); total: with the copies to
and from the device. ratio = hand-written time / mandelc time: mandelc's
throughput relative to the hand-written kernel (target >= 0.9).

| W MAXITER | variant | kernel s | total s | validation sum | kernel ratio | total ratio |
|---|---|---:|---:|---:|---:|---:|"
for size in "${SIZES[@]}"; do
  read -r w maxiter <<<"$size"
  read -r mk mt ms <<<"$(measure mandelc "$w" "$maxiter")"
  read -r rk rt rs <<<"$(measure ref "$w" "$maxiter")"
  table+="
| $w $maxiter | hand-written CUDA C | $rk | $rt | $rs | 1.00 | 1.00 |
| $w $maxiter | mandelc --target=cuda | $mk | $mt | $ms | $(ratio "$rk" "$mk") | $(ratio "$rt" "$mt") |"
done
echo "$table"
if $RECORD; then
  printf '\n%s\n' "$table" >>bench/RESULTS.md
  echo "bench_cuda.sh: appended to bench/RESULTS.md"
else
  echo "bench_cuda.sh: --no-record: bench/RESULTS.md left as it was"
fi
