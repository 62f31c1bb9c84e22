#!/bin/bash
# bench_binding.sh - kernels bound through the new shapes against the
# tutorial's spelling, in the same run.
#
#   bash bench/bench_binding.sh [W [MAXITER]] [--no-record]
#                                                (default 1000 1000)
#
# Times mandelc --target=llvm (its "main_seconds": the kernel call alone,
# all threads) 5 times on examples/pure_python3.py (the tutorial's
# calculate_z_serial_purepython(q, maxiter, z)) and on each kernel of
# tests/kernels/binding/ (docs/language.md §3: the book's (maxiter, zs,
# cs), an output argument, (q, maxiter), a chunk, a tuple parameter, the
# point shapes), with each file's `# mandelc:` options. Prints the medians,
# the binding and the fast paths -v names (parallel outer loop, SIMD), and
# the ratio to pure_python3.py; appends the table, dated, with the machine
# and CPU model, to bench/RESULTS.md (the scripts' alone; analysis goes
# to bench/ANALYSIS.md), unless --no-record. The book's kernel is a variant of
# pure_python3.py's (`while abs(z) < 2 and n < maxiter`, and a point in the
# set counts maxiter, not 0, so its sum differs);
# bench/binding/book_tutorial_spelling.py is the book's body with the
# tutorial's spelling (q, maxiter, z), so the two compare the binding alone
# and should take the same time. The other shapes compute their own
# variants (e.g. julia_fixed.py stops at 80 iterations), so their ratios
# only show that each keeps its fast paths.
# Needs ./build/mandelc (scripts/setup.sh) or MANDELC=path.
set -euo pipefail
cd "$(dirname "$0")/.."
RECORD=true
ARGS=()
for a in "$@"; do
  case $a in
    --no-record) RECORD=false ;;
    -*) echo "bench_binding.sh: unknown option $a" >&2; exit 2 ;;
    *) ARGS+=("$a") ;;
  esac
done
W=${ARGS[0]:-1000}
MAXITER=${ARGS[1]:-1000}
RUNS=5
MANDELC=${MANDELC:-build/mandelc}
BASE=examples/pure_python3.py

median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

options() { sed -n '/^[^#]/q; s/^# mandelc: *//p' "$1"; }

# FILE -> "MEDIAN_SECONDS SUM"
measure() {
  local times=() out
  for _ in $(seq $RUNS); do
    # shellcheck disable=SC2046
    out=$("$MANDELC" "$1" "$W" "$MAXITER" --json $(options "$1") |
      python3 -c 'import json, sys; o = json.load(sys.stdin);
print("%.6f %d" % (o["main_seconds"], o["sum"]))')
    times+=("${out% *}")
  done
  echo "$(printf '%s\n' "${times[@]}" | median) ${out#* }"
}

# FILE -> "binding; fast paths" from -v (one run at a small size)
paths() {
  # shellcheck disable=SC2046
  "$MANDELC" "$1" 100 30 -v $(options "$1") 2>&1 >/dev/null |
    python3 -c 'import sys
b, p = "", []
for line in sys.stdin:
    line = line.strip()
    if line.startswith("mandelc: binding: "):
        b = line[len("mandelc: binding: "):]
    elif "outer loop runs in parallel" in line:
        p.append("parallel")
    elif "simd:" in line and "lanes" in line:
        p.append("simd")
    elif "simd: not used" in line:
        p.append("scalar")
print("`%s` | %s" % (b, ", ".join(p) or "-"))'
}

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
table="### bench_binding.sh: $(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -m), ${CPU:-unknown CPU}

\`mandelc FILE $W $MAXITER\` (--target=llvm, $(nproc) threads), median of
$RUNS runs, kernel time only; ratio = time / pure_python3.py's time in this
run. Load average before the runs: $LOAD.

| kernel | binding | fast paths (-v) | seconds | validation sum | ratio |
|---|---|---|---:|---:|---:|"
base=$(measure "$BASE")
for f in "$BASE" bench/binding/book_tutorial_spelling.py \
         tests/kernels/binding/*.py; do
  if [ "$f" = "$BASE" ]; then res=$base; else res=$(measure "$f"); fi
  ratio=$(awk -v a="${res% *}" -v b="${base% *}" \
              'BEGIN {printf "%.2f", (b > 0) ? a / b : 0}')
  table+="
| \`$f\` | $(paths "$f") | ${res% *} | ${res#* } | $ratio |"
done
echo "$table"
if $RECORD; then
  printf '\n%s\n' "$table" >>bench/RESULTS.md
else
  echo "bench_binding.sh: --no-record: bench/RESULTS.md left as it was"
fi
