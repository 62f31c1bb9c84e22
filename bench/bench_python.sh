#!/bin/bash
# bench_python.sh - mandelc from Python against Numba and Cython.
#
#   bash bench/bench_python.sh [W [MAXITER]] [--runs N] [--no-record]
#
# The tutorial's program (examples/pure_python3.py, default 1000 1000)
# with its kernel under @mandelc.jit (python/mandelc over build/'s
# libmandelc), @numba.njit (Debian's python3-numba) and Cython (cython3:
# bench/python/cy_kernel.pyx, the tutorial's lists kernel, built here
# offline with cythonize), all run by Debian's /usr/bin/python3: the whole
# program, the first call (compile and one run; mandelc's cache cold and
# warm), later calls (the kernel alone), and the cost of one call of a
# tiny function; medians, ratios to @mandelc.jit, and the command line's
# kernel time (mandelc --json) for the goal "within 1.1x". Appends a dated
# table with the machine to bench/RESULTS.md (--no-record: print only).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
missing=()
for p in python3-numba cython3 python3-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
    missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y \
    --no-install-recommends "${missing[@]}" >&2
fi
[ -e build/libmandelc.so.0 ] || { echo "bench_python: build first" \
  "(bash scripts/setup.sh)" >&2; exit 2; }
CY=$(mktemp -d)
trap 'rm -rf "$CY"' EXIT
cp bench/python/cy_kernel.pyx "$CY/"
(cd "$CY" && CFLAGS="-O3 -march=native -ffp-contract=off" \
  "$PY" -m Cython.Build.Cythonize -i -3 -q cy_kernel.pyx >/dev/null 2>&1) ||
  { echo "bench_python: the Cython module did not build" >&2; exit 1; }
exec "$PY" bench/python/bench_python.py --cython-dir "$CY" "$@"
