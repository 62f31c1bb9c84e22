#!/bin/sh
# libm_full.sh - the 10^8 proof of compiler/pymath_libm.h (not run by ctest:
# about a minute a function on one core): libm_check on N random inputs a
# function (default 10^8), against glibc's FMA build and, forced by
# GLIBC_TUNABLES, its plain build. Prints libm_check's counts.
#   tests/libm/libm_full.sh BUILD_DIR [N]
set -e
check=${1:?usage: libm_full.sh BUILD_DIR [N]}/tests/libm_check
n=${2:-100000000}
"$check" "$n" 19 fma
GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX2,-FMA "$check" "$n" 20 plain
