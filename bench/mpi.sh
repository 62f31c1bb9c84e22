#!/bin/bash
# mpi.sh - one run split over MPI ranks (runtime/ranks.c) on this machine.
#
#   bash bench/mpi.sh [--no-record] [--quick]
#
# Times examples/pure_python_2.py at 1000 1000 and at 8000 1000 (a grid
# large enough that start-up is small beside it), RUNS runs each (median):
# one process at 1 and 2 threads, and under mpirun 1 rank x 1 thread (the
# cost of MPI alone), 2 ranks x 1 thread and 2 ranks x 2 threads. For
# each: the kernel's time ("main_seconds": the split loop with the gather
# to rank 0), the whole job's wall time, and the validation sum (every row
# must give the same). Then start-up: mpirun with MPI_Init (a 10-point
# grid, and MPI_Init alone as --json reports it), each rank's compile with
# and without the compile cache. Efficiency of R ranks x T threads is
# t(1 process, 1 thread) / (R * T * t(R x T)); the issue's goal is 2 ranks
# x 1 thread within 0.9 of 1 rank x 2 threads. Appends the tables, dated,
# to bench/RESULTS.md unless --no-record; --quick runs smaller grids once
# and records nothing. Needs ./build/mandelc built with MPI (MANDELC=path).
set -euo pipefail
cd "$(dirname "$0")/.."
RECORD=1
RUNS=3
SIZES=("1000 1000" "8000 1000")
for a in "$@"; do
  case $a in
    --no-record) RECORD=0 ;;
    --quick) RECORD=0 RUNS=1 SIZES=("300 300" "1000 1000") ;;
    *) echo "usage: bash bench/mpi.sh [--no-record] [--quick]" >&2; exit 2 ;;
  esac
done
MANDELC=${MANDELC:-build/mandelc}
KERNEL=examples/pure_python_2.py
MPIRUN=(mpirun --allow-run-as-root --oversubscribe)
command -v mpirun >/dev/null || { echo "mpi.sh: no mpirun" >&2; exit 4; }

median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
now() { date +%s.%N; }

# RANKS THREADS W MAXITER [OPTIONS] -> "KERNEL_SECONDS WALL_SECONDS SUM
# INIT_SECONDS COMPILE_SECONDS" of one run; RANKS 0 is one process.
one_run() {
  local ranks=$1 threads=$2 w=$3 maxiter=$4 cmd
  shift 4
  cmd=("$MANDELC" "$KERNEL" "$w" "$maxiter" --threads="$threads" --json "$@")
  [ "$ranks" -gt 0 ] && cmd=("${MPIRUN[@]}" -np "$ranks" "${cmd[@]}")
  local t0 out t1
  t0=$(now)
  out=$("${cmd[@]}" 2>/dev/null)
  t1=$(now)
  python3 -c 'import json, sys; o = json.loads(sys.argv[1]);
print("%.6f %.6f %d %.6f %.6f" % (o["main_seconds"], float(sys.argv[2]),
      o["sum"], o.get("mpi_init_seconds", 0), o["compile_seconds"]))' \
    "$out" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')"
}

# RANKS THREADS W MAXITER -> medians "KERNEL WALL SUM"
measure() {
  local ks=() ws=() out sum
  for _ in $(seq "$RUNS"); do
    out=$(one_run "$@")
    read -r k w sum _ _ <<<"$out"
    ks+=("$k")
    ws+=("$w")
  done
  echo "$(printf '%s\n' "${ks[@]}" | median)" \
       "$(printf '%s\n' "${ws[@]}" | median) $sum"
}

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
one_run 0 1 100 30 >/dev/null  # fills the compile cache
table="### mpi.sh: $(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -m), ${CPU:-unknown CPU}

\`mandelc $KERNEL W MAXITER\`, $(nproc) cores, $(mpirun --version | head -1),
median of $RUNS runs; kernel = \`main_seconds\` (for ranks: the split loop
and the gather to rank 0), wall = the whole job, \`mpirun\` included;
efficiency = t(1 process, 1 thread) / (ranks x threads x t). Load average
before the runs: $LOAD (other work on the machine slows the runs)."
eff_goal=""
for size in "${SIZES[@]}"; do
  read -r w maxiter <<<"$size"
  table+="

\`$w $maxiter\`:

| ranks x threads | kernel s | wall s | validation sum | efficiency |
|---|---:|---:|---:|---:|"
  base=""
  declare -A eff=()
  for conf in "0 1" "0 2" "1 1" "2 1" "2 2"; do
    read -r ranks threads <<<"$conf"
    read -r k wall sum <<<"$(measure "$ranks" "$threads" "$w" "$maxiter")"
    [ -z "$base" ] && base=$k
    workers=$(( (ranks > 0 ? ranks : 1) * threads ))
    e=$(awk -v b="$base" -v k="$k" -v n="$workers" \
            'BEGIN {printf "%.2f", (k > 0) ? b / (n * k) : 0}')
    eff[$ranks.$threads]=$e
    if [ "$ranks" = 0 ]; then name="1 process x $threads"
    else name="mpirun -np $ranks x $threads"; fi
    table+="
| $name | $k | $wall | $sum | $e |"
    echo "$w $maxiter: $name: kernel $k s, wall $wall s, sum $sum, eff $e" >&2
  done
  ratio=$(awk -v a="${eff[2.1]}" -v b="${eff[0.2]}" \
              'BEGIN {printf "%.2f", (b > 0) ? a / b : 0}')
  eff_goal+="
| \`$w $maxiter\` | ${eff[2.1]} | ${eff[0.2]} | $ratio | $(awk -v r="$ratio" \
    'BEGIN {print (r >= 0.9) ? "yes" : "**no**"}') |"
  unset eff
done
table+="

Efficiency of 2 ranks x 1 thread against 1 process x 2 threads (goal:
at least 0.9 of it):

| grid | 2 ranks x 1 | 1 process x 2 | ratio | met |
|---|---:|---:|---:|---|$eff_goal"

# Start-up: a 10-point grid, so the job is all start-up.
startup() {
  local inits=() walls=() comps=() out
  for _ in $(seq "$RUNS"); do
    out=$(one_run "$@")
    read -r _ wall _ init comp <<<"$out"
    walls+=("$wall")
    inits+=("$init")
    comps+=("$comp")
  done
  echo "$(printf '%s\n' "${walls[@]}" | median)" \
       "$(printf '%s\n' "${inits[@]}" | median)" \
       "$(printf '%s\n' "${comps[@]}" | median)"
}
read -r w1 _ c1 <<<"$(startup 0 1 10 10)"
read -r w2 i2 c2 <<<"$(startup 2 1 10 10)"
read -r w3 i3 c3 <<<"$(startup 2 1 10 10 --no-cache)"
ms() { awk -v s="$1" 'BEGIN {printf "%.1f ms", s * 1000}'; }
table+="

Start-up (\`10 10\`: the job is all start-up):

| | whole job | MPI_Init + window | compile (rank 0) |
|---|---:|---:|---:|
| 1 process, cached | $(ms "$w1") | - | $(ms "$c1") |
| mpirun -np 2, cached | $(ms "$w2") | $(ms "$i2") | $(ms "$c2") |
| mpirun -np 2, --no-cache | $(ms "$w3") | $(ms "$i3") | $(ms "$c3") |"
echo "$table"
if [ "$RECORD" = 1 ]; then
  printf '\n%s\n' "$table" >>bench/RESULTS.md
fi
