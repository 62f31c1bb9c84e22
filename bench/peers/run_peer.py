#!/usr/bin/env python3
"""run_peer.py - one of the tutorial's variants, timed in this process.

    python3 bench/peers/run_peer.py VARIANT W MAXITER THREADS [BUILD_DIR]

prints one JSON object: {"seconds": kernel time, "sum": validation sum,
"compile_seconds": JIT time (Numba only)}. The grid is calc_pure_python's
(x and y by repeated addition, q row by row from the top), so every
variant sees CPython's points. Only the kernel call is timed, as the
tutorial's "Main took" is; numpy arrays are made before the clock starts.

Variants: purepython (the tutorial's pure_python_2 kernel, progress
prints included: run it under CPython or PyPy), cython_lists,
cython_memoryview, cython_prange (built into BUILD_DIR by peers.sh),
numba_njit, numba_parallel, numpy_vector, numexpr.
"""

import json
import os
import sys
import time

X1, X2, Y1, Y2 = -2.13, 0.77, -1.3, 1.3


def grid(w):
    """calc_pure_python's q, as a list of complex."""
    x_step = (float(X2 - X1) / float(w)) * 2
    y_step = (float(Y1 - Y2) / float(w)) * 2
    x, y = [], []
    ycoord = Y2
    while ycoord > Y1:
        y.append(ycoord)
        ycoord += y_step
    xcoord = X1
    while xcoord < X2:
        x.append(xcoord)
        xcoord += x_step
    return [complex(xc, yc) for yc in y for xc in x]


def calculate_z_serial_purepython(q, maxiter, z):
    """pure_python_2.py's kernel, as the tutorial prints it."""
    output = [0] * len(q)
    for i in range(len(q)):
        zi = z[i]
        qi = q[i]
        if i % 1000 == 0:
            # print out some progress info since it is so slow...
            print("%0.2f%% complete" % (1.0 / len(q) * i * 100),
                  file=sys.stderr)
        for iteration in range(maxiter):
            zi = zi * zi + qi
            if abs(zi) > 2.0:
                output[i] = iteration
                break
    return output


def timed(fn, *args):
    start = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - start, out


def run_purepython(q, maxiter, threads, build):
    secs, out = timed(calculate_z_serial_purepython, q, maxiter,
                      [0j] * len(q))
    return secs, sum(out), None


def run_cython(name):
    def run(q, maxiter, threads, build):
        sys.path.insert(0, build)
        mod = __import__(name)
        if name == "cy_lists":
            secs, out = timed(mod.calculate_z, q, maxiter, [0j] * len(q))
            return secs, sum(out), None
        import numpy as np
        qa = np.array(q, dtype=np.complex128)
        za = np.zeros(len(q), dtype=np.complex128)
        out = np.zeros(len(q), dtype=np.intc)
        args = (qa, maxiter, za, out) + ((threads,) if "prange" in name
                                         else ())
        secs, _ = timed(mod.calculate_z, *args)
        return secs, int(out.sum(dtype=np.int64)), None
    return run


def numba_kernel(parallel):
    import numba
    import numpy as np
    loop = numba.prange if parallel else range

    @numba.njit(parallel=parallel)
    def calculate_z(q, maxiter, z):
        output = np.zeros(len(q), np.int64)
        for i in loop(len(q)):
            zi = z[i]
            qi = q[i]
            for iteration in range(maxiter):
                zi = zi * zi + qi
                if abs(zi) > 2.0:
                    output[i] = iteration
                    break
        return output
    return calculate_z


def run_numba(parallel):
    def run(q, maxiter, threads, build):
        import numba
        import numpy as np
        if parallel:
            numba.set_num_threads(threads)
        qa = np.array(q, dtype=np.complex128)
        za = np.zeros(len(q), dtype=np.complex128)
        fn = numba_kernel(parallel)
        # The first call compiles (for these argument types); the points
        # are the grid's first few, so the run after is all that is left.
        compile_secs, _ = timed(fn, qa[:4].copy(), maxiter, za[:4].copy())
        secs, out = timed(fn, qa, maxiter, za)
        return secs, int(out.sum()), compile_secs
    return run


def calculate_z_numpy(q, maxiter, z):
    """numpy_vector.py's kernel, as the tutorial prints it."""
    import numpy as np
    output = np.resize(np.array(0,), q.shape)
    for iteration in range(maxiter):
        z = z * z + q
        done = np.greater(abs(z), 2.0)
        q = np.where(done, 0 + 0j, q)
        z = np.where(done, 0 + 0j, z)
        output = np.where(done, iteration, output)
    return output


def calculate_z_numexpr(q, maxiter, z):
    """The tutorial's numexpr variant of calculate_z_numpy."""
    import numexpr
    import numpy as np
    output = np.resize(np.array(0,), q.shape)
    for iteration in range(maxiter):
        z = numexpr.evaluate("z*z+q")
        done = numexpr.evaluate("abs(z).real > 2.0")  # noqa: F841
        q = numexpr.evaluate("where(done, 0+0j, q)")
        z = numexpr.evaluate("where(done, 0+0j, z)")
        output = numexpr.evaluate("where(done, iteration, output)")
    return output


def run_vector(fn):
    def run(q, maxiter, threads, build):
        import numpy as np
        if fn is calculate_z_numexpr:
            import numexpr
            numexpr.set_num_threads(threads)
        qa = np.array(q, dtype=np.complex128)
        za = np.zeros(len(q), dtype=np.complex128)
        secs, out = timed(fn, qa, maxiter, za)
        return secs, int(out.sum(dtype=np.int64)), None
    return run


VARIANTS = {
    "purepython": run_purepython,
    "cython_lists": run_cython("cy_lists"),
    "cython_memoryview": run_cython("cy_memoryview"),
    "cython_prange": run_cython("cy_prange"),
    "numba_njit": run_numba(False),
    "numba_parallel": run_numba(True),
    "numpy_vector": run_vector(calculate_z_numpy),
    "numexpr": run_vector(calculate_z_numexpr),
}


def main():
    if len(sys.argv) not in (5, 6) or sys.argv[1] not in VARIANTS:
        sys.exit("usage: run_peer.py VARIANT W MAXITER THREADS [BUILD_DIR]"
                 "\nvariants: " + " ".join(VARIANTS))
    variant, w, maxiter, threads = (sys.argv[1], int(sys.argv[2]),
                                    int(sys.argv[3]), int(sys.argv[4]))
    build = sys.argv[5] if len(sys.argv) == 6 else os.getcwd()
    secs, total, compile_secs = VARIANTS[variant](grid(w), maxiter, threads,
                                                  build)
    print(json.dumps({"seconds": secs, "sum": total,
                      "compile_seconds": compile_secs}))


if __name__ == "__main__":
    main()
