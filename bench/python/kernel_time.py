"""kernel_time.py VARIANT W MAXITER RUNS - one process of bench_python.sh.

Builds the tutorial's q and z (examples/pure_python3.py's driver, imported
from the program itself), then times calculate_z_serial_purepython under
VARIANT (mandelc: @mandelc.jit; mandelc_numpy: the same with q and z
numpy arrays; numba: @numba.njit; cython: the module cy_kernel built by
bench_python.sh): the first call (for the JITs: the
compile and one run), then RUNS later calls; then the cost of one call of
a tiny function add(a, b) (median of 20 rounds of 2000 calls). Prints one
JSON object: first, later (list), sum, tiny_us."""

import json
import os
import statistics
import sys
import time
import warnings

variant, w, maxiter, runs = sys.argv[1], int(sys.argv[2]), \
    int(sys.argv[3]), int(sys.argv[4])
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "examples"))
warnings.simplefilter("ignore")

import pure_python3 as prog  # noqa: E402  (its functions only)


def add(a, b):
    return a + b


if variant in ("mandelc", "mandelc_numpy"):
    import mandelc
    kernel = mandelc.jit(prog.calculate_z_serial_purepython)
    tiny = mandelc.jit(add)
elif variant == "numba":
    import numba
    kernel = numba.njit(prog.calculate_z_serial_purepython)
    tiny = numba.njit(add)
elif variant == "cython":
    import cy_kernel
    kernel = cy_kernel.calculate_z_serial_purepython
    tiny = cy_kernel.add
else:
    kernel, tiny = prog.calculate_z_serial_purepython, add

# the grid exactly as calc_pure_python builds it
x_step = (float(prog.x2 - prog.x1) / float(w)) * 2
y_step = (float(prog.y1 - prog.y2) / float(w)) * 2
xs, ys = [], []
ycoord = prog.y2
while ycoord > prog.y1:
    ys.append(ycoord)
    ycoord += y_step
xcoord = prog.x1
while xcoord < prog.x2:
    xs.append(xcoord)
    xcoord += x_step
q = [complex(x, y) for y in ys for x in xs]


if variant == "mandelc_numpy":  # arrays in: no list to convert
    import numpy as np
    q = np.array(q, dtype=np.complex128)


def once():
    z = [0j] * len(q)
    if variant == "mandelc_numpy":
        z = np.zeros(len(q), dtype=np.complex128)
    t = time.perf_counter()
    out = kernel(q, maxiter, z)
    return time.perf_counter() - t, sum(out)


first, total = once()
later = []
for _ in range(runs):
    secs, s = once()
    later.append(secs)
    assert s == total, (s, total)
total = int(total)
tiny(1, 2)
rounds = []
for _ in range(20):
    t = time.perf_counter()
    for i in range(2000):
        tiny(i, 2)
    rounds.append((time.perf_counter() - t) / 2000 * 1e6)
print(json.dumps({"first": first, "later": later, "sum": total,
                  "tiny_us": statistics.median(rounds)}))
