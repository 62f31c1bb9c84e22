#!/bin/bash
# bench_llvm.sh - mandelc --target=llvm against hand-written C.
#
#   bash bench/bench_llvm.sh [W [MAXITER]] [--no-record]
#                                            (default 1000 1000)
#
# Builds bench/mandel_ref.c (-O3 -march=native -ffp-contract=off), then
# times, on one thread and on all threads, 5 runs each of: mandelc on
# examples/pure_python_2.py (its "main_seconds": the kernel alone), the C
# kernel with complex numbers and cabs, and the C kernel in scalar
# doubles. Prints the medians and their ratios to mandelc, and appends the
# table - dated, with the machine and CPU model - to bench/RESULTS.md
# (which only the benchmark scripts write; analysis goes to
# bench/ANALYSIS.md), unless --no-record. Needs ./build/mandelc (scripts/setup.sh) or MANDELC=path.
set -euo pipefail
cd "$(dirname "$0")/.."
RECORD=true
ARGS=()
for a in "$@"; do
  case $a in
    --no-record) RECORD=false ;;
    -*) echo "bench_llvm.sh: unknown option $a" >&2; exit 2 ;;
    *) ARGS+=("$a") ;;
  esac
done
W=${ARGS[0]:-1000}
MAXITER=${ARGS[1]:-1000}
RUNS=5
MANDELC=${MANDELC:-build/mandelc}
KERNEL=examples/pure_python_2.py
REF=$(mktemp -d)/mandel_ref
trap 'rm -rf "$(dirname "$REF")"' EXIT

gcc -O3 -march=native -ffp-contract=off -pthread -o "$REF" \
  bench/mandel_ref.c -lm

# median of the numbers on stdin
median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# one run: prints "SECONDS SUM"
run_mandelc() {
  "$MANDELC" "$KERNEL" "$W" "$MAXITER" --threads="$1" --json |
    python3 -c 'import json, sys; o = json.load(sys.stdin);
print("%.6f %d" % (o["main_seconds"], o["sum"]))'
}
run_ref() { "$REF" "$1" "$W" "$MAXITER" "$2"; }

# VARIANT THREADS -> "MEDIAN_SECONDS SUM"
measure() {
  local variant=$1 threads=$2 out sum times=()
  for _ in $(seq $RUNS); do
    if [ "$variant" = mandelc ]; then out=$(run_mandelc "$threads")
    else out=$(run_ref "$variant" "$threads"); fi
    times+=("${out% *}")
    sum=${out#* }
  done
  echo "$(printf '%s\n' "${times[@]}" | median) $sum"
}

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
NPROC=$(nproc)
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
table="### $(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -m), ${CPU:-unknown CPU}

\`mandelc $KERNEL $W $MAXITER\`, median of $RUNS runs, kernel time only;
ratio = time / mandelc's time at the same thread count. $NPROC cores, load
average before the runs: $LOAD (other work on the machine slows the runs).

| threads | variant | seconds | validation sum | ratio |
|---:|---|---:|---:|---:|"
for threads in 1 "$NPROC"; do
  base=$(measure mandelc "$threads")
  for variant in mandelc complex scalar; do
    if [ "$variant" = mandelc ]; then res=$base
    else res=$(measure "$variant" "$threads"); fi
    ratio=$(awk -v a="${res% *}" -v b="${base% *}" \
                'BEGIN {printf "%.2f", (b > 0) ? a / b : 0}')
    case $variant in
      mandelc) name="mandelc --target=llvm" ;;
      complex) name="C, complex + cabs" ;;
      scalar) name="C, scalar doubles, abs^2 > 4" ;;
    esac
    table+="
| $threads | $name | ${res% *} | ${res#* } | $ratio |"
  done
  [ "$NPROC" = 1 ] && break
done
echo "$table"
if $RECORD; then
  printf '\n%s\n' "$table" >>bench/RESULTS.md
  echo "bench_llvm.sh: appended to bench/RESULTS.md"
else
  echo "bench_llvm.sh: --no-record: bench/RESULTS.md left as it was"
fi
