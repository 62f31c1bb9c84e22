#!/bin/bash
# setup.sh - everything mandelc needs, then a build in ./build.
#
# Both of the README's commands start with this script, so they set up
# the same way; it is idempotent and skips apt when every package is
# already installed. Debian 12 with the CUDA toolkit at /usr/local/cuda
# (NVRTC; no GPU needed) is the reference system.
set -euo pipefail
cd "$(dirname "$0")/.."

# The LLVM C API headers (llvm-22-dev), the test framework (check), libffi
# for calling the JIT's code, libpng for --image, and the build tools.
# Chromium (headless) runs the --annotate report in the tests.
packages=(llvm-22-dev check libffi-dev libpng-dev pkg-config cmake make gcc
          g++ python3 chromium)

# mandoc lints the man page (docs/mandelc.1) in the install test.
packages+=(mandoc)

# clang 14 and its libFuzzer runtime: .ci/run's sanitizer-fuzz build
# (tests/fuzz/README.md).
packages+=(clang-14 libclang-rt-14-dev)

# OpenMPI: `mpirun -np N mandelc ...` splits a run over ranks
# (runtime/ranks.c); built when CMake finds MPI.
packages+=(libopenmpi-dev openmpi-bin)

# The Python package's tests (tests/python/) run under Debian's python3:
# pytest, numpy, and venv, pip and setuptools for the offline pip install.
packages+=(python3-pytest python3-numpy python3-venv python3-setuptools
           python3-pip)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
    missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  echo "setup: installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y \
    --no-install-recommends "${missing[@]}"
fi

if [ ! -e /usr/local/cuda/include/nvrtc.h ]; then
  echo "setup: the CUDA toolkit (NVRTC) is expected at /usr/local/cuda;" \
       "pass -DCUDA_ROOT=... to cmake if it lives elsewhere" >&2
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$(nproc)"
