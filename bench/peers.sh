#!/bin/bash
# peers.sh - mandelc against every route of the tutorial, in one run.
#
#   bash bench/peers.sh [W [MAXITER]] [--quick] [--no-record] [...]
#
# Installs Debian's pypy3, cython3, python3-numba, python3-numexpr and
# python3-numpy when they are missing (apt-get; as root or through sudo),
# builds the hand-written C kernels (bench/mandel_ref.c, simd_avx2.c,
# simd_avx512.c: -O3 -march=native -ffp-contract=off) and the Cython
# modules of bench/peers/ (cythonize, same flags) in a temporary
# directory, then runs bench/peers/peers.py: CPython, PyPy, Cython lists /
# memoryviews / prange, Numba njit / parallel, numpy vectors and numexpr
# against mandelc (scalar and SIMD, one thread and all, compile cold and
# cached) and the intrinsics kernels, checking every validation sum; how
# time grows with W, MAXITER and threads (SVG figures in bench/); and the
# targets of issue 6. The dated table is appended to bench/RESULTS.md.
#
# --quick: small sizes and few runs, nothing recorded (for trying the
# script out). Other options go to peers.py (--skip=NAME,..., --runs=N,
# --no-scaling, ...). Run it on a quiet machine: other work slows every
# row, and the table says what the load average was.
# Needs ./build/mandelc (scripts/setup.sh) or MANDELC=path.
set -euo pipefail
cd "$(dirname "$0")/.."
MANDELC=${MANDELC:-build/mandelc}
PACKAGES="pypy3 cython3 python3-numba python3-numexpr python3-numpy"
FLAGS="-O3 -march=native -ffp-contract=off"

args=()
pos=()
quick=false
for arg in "$@"; do
  case $arg in
    --quick) quick=true
             args+=(--runs=2 --scaling-runs=1 --w-sweep=100,200
                    --maxiter-sweep=50,100 --no-record) ;;
    -*) args+=("$arg") ;;
    *) pos+=("$arg") ;;
  esac
done
default=1000
$quick && default=200
W=${pos[0]:-$default}
MAXITER=${pos[1]:-$default}

if [ ! -x "$MANDELC" ]; then
  echo "peers.sh: no mandelc at $MANDELC (run scripts/setup.sh or set" \
       "MANDELC)" >&2
  exit 2
fi

missing=()
for p in $PACKAGES; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "peers.sh: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y \
    --no-install-recommends "${missing[@]}" >&2
fi

BUILD=$(mktemp -d)
trap 'rm -rf "$BUILD"' EXIT
# shellcheck disable=SC2086
gcc $FLAGS -pthread -o "$BUILD/mandel_ref" bench/mandel_ref.c -lm
for isa in avx2 avx512; do
  flag=$([ $isa = avx2 ] && echo avx2 || echo avx512f)
  if grep -qw "$flag" /proc/cpuinfo; then
    # shellcheck disable=SC2086
    gcc $FLAGS -pthread -o "$BUILD/simd_$isa" "bench/simd_$isa.c" -lm
  else
    echo "peers.sh: this CPU has no $flag: no simd_$isa row" >&2
  fi
done
cp bench/peers/*.pyx "$BUILD/"
(cd "$BUILD" && CFLAGS="$FLAGS" /usr/bin/python3 -m Cython.Build.Cythonize \
   -i -3 -q ./*.pyx >/dev/null 2>&1) ||
  echo "peers.sh: the Cython modules did not build: no Cython rows" >&2

/usr/bin/python3 bench/peers/peers.py --mandelc "$MANDELC" --build "$BUILD" \
  --w "$W" --maxiter "$MAXITER" "${args[@]}"
