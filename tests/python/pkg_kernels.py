#!/usr/bin/env python3
"""pkg_kernels.py - the conformance kernels called through `import mandelc`.

    python3 tests/python/pkg_kernels.py [--only PATTERN] [-v] [FILE_OR_DIR...]

For every kernel file (by default examples/ and tests/kernels/**, as
tests/run_kernels.py), the oracle is tests/refdriver.py under this very
CPython (in this process): the tutorial's grid, the kernel chosen and bound
as docs/language.md section 3 says, its three lines. Then the same driver
runs again with the kernel replaced by mandelc.compile(FILE, kernel=NAME)
from the package, twice:

  list    the arguments as refdriver.py makes them (Python lists, numbers)
  numpy   every list argument a numpy array of the parameter's dtype (an
          output argument too: the kernel writes into it; its values are
          copied back for the driver's sum), a list result a numpy array

and both must print what CPython prints (stdout, the "Main took" time
masked), exit as it would (1 compile error, 3 an exception), and raise the
same exception class with the same message at the same line (written
`FILE:LINE: Name: message` as refdriver.py writes it; the kernel's line
comes from the exception's kernel_line). Headers as run_kernels.py reads
them: `# args:`, `# mandelc:` (--kernel, --region, --bind, --julia),
`# targets:` (a kernel not for llvm is SKIPPED), `# expect:` (the oracle is
refdriver.py --int64; for OverflowError the message is not compared).

A kernel whose parameters or result the package cannot pass (a tuple: the
chunk form and Python 2 tuple parameters; a list of lists: the grid form's
result) is counted as SKIP with the library's TypeError, not PASS. One line
per kernel and flavour; last line `N passed, N failed, N skipped`; exit 1
on any failure.
"""

import argparse
import contextlib
import io
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common import ROOT, TESTS  # noqa: E402  (sets sys.path)

import refdriver  # noqa: E402
import run_kernels  # noqa: E402
import mandelc  # noqa: E402

FLAVOURS = ("list", "numpy")
NOT_PASSABLE = "cannot be passed from Python"


def oracle(kernel, args, int64):
    argv = [kernel.path] + args + kernel.options + (["--int64"] if int64
                                                    else [])
    out, err = io.StringIO(), io.StringIO()
    refdriver.TUPLE_PATTERNS.clear()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = refdriver.main(argv)
    return rc, run_kernels.masked(out.getvalue()), err.getvalue()


class Skip(Exception):
    pass


def numpy_flavour(k):
    import numpy as np
    dtypes = {"list[int]": np.int64, "list[float]": np.float64,
              "list[complex]": np.complex128, "list[bool]": np.bool_}
    types = [t for _, t in k.signature.params]

    def call(*args):
        if len(args) < len(types):  # a chunk: its items are the arguments
            flat = []
            for a in args:
                flat += list(a) if isinstance(a, tuple) else [a]
            args = flat
        arrays = []
        conv = []
        for a, t in zip(args, types):
            if isinstance(a, list) and t in dtypes:
                arr = np.array(a, dtype=dtypes[t])
                arrays.append((a, arr))
                conv.append(arr)
            else:
                conv.append(a)
        result = k(*conv)
        for lst, arr in arrays:
            lst[:] = arr.tolist()
        if isinstance(result, np.ndarray):
            return result.tolist()
        assert not isinstance(result, list), "a list out of numpy in"
        return result
    return call


def package(kernel, args, flavour):
    """(rc, masked stdout, stderr) of the driver around the package."""
    opts = refdriver.parse_args([kernel.path] + args + kernel.options)
    path = opts["path"]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = drive(path, opts, flavour)
    return rc, run_kernels.masked(out.getvalue()), err.getvalue()


def drive(path, opts, flavour):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    refdriver.TUPLE_PATTERNS.clear()
    try:
        env, tree = refdriver.load_module(path, source, False)
        sig = refdriver.select_kernel(path, tree, opts["kernel"],
                                      opts["bind"])
    except refdriver.CompileError as e:
        print(str(e), file=sys.stderr)
        return 1
    except refdriver.BindError as e:
        print(str(e), file=sys.stderr)
        return 2
    try:
        k = mandelc.compile(path, kernel=sig.fn.name)
    except mandelc.CompileError as e:
        print(str(e), file=sys.stderr)
        return 1
    fn = k if flavour == "list" else numpy_flavour(k)
    x, y, q = refdriver.build_grid(opts["w"], opts["region"])
    print("Total elements:", len(q))
    try:
        total = refdriver.run_kernel(fn, sig, x, y, q, opts["maxiter"],
                                     opts["julia"])
    except TypeError as e:
        if NOT_PASSABLE in str(e) or "nested" in str(e) or \
                "tuple" in str(e):
            raise Skip(str(e))
        raise
    except Exception as e:
        if not hasattr(e, "kernel_line"):
            raise
        sys.stdout.flush()
        print("%s:%d: %s: %s" % (path, e.kernel_line, type(e).__name__,
                                 e.kernel_message), file=sys.stderr)
        return 3
    print("Main took 0:00:00")
    print("Total sum of elements (for validation):", total)
    return 0


def check(kernel, flavour):
    if kernel.targets is not None and "llvm" not in kernel.targets:
        return "SKIP", "only for target %s" % " ".join(kernel.targets)
    args = kernel.args
    want = oracle(kernel, args, kernel.expect is not None)
    try:
        got = package(kernel, args, flavour)
    except Skip as e:
        return "SKIP", str(e)
    except Exception:
        return "FAIL", traceback.format_exc()
    problems = run_kernels.compare(want, got, kernel.expect is not None)
    if problems:
        return "FAIL", "\n  ".join("\n  ".join(p.splitlines())
                                   for p in problems)
    return "PASS", ""


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--only", action="append", default=[])
    ap.add_argument("--flavour", action="append", choices=FLAVOURS)
    ap.add_argument("-v", "--verbose", action="store_true")
    opts = ap.parse_args(argv)
    os.chdir(ROOT)
    paths = opts.paths or [os.path.join(ROOT, "examples"),
                           os.path.join(TESTS, "kernels")]
    files = [f for f in run_kernels.find_kernels(paths)
             if not opts.only or any(p in f for p in opts.only)]
    counts = {"PASS": 0, "FAIL": 0, "SKIP": 0}
    for path in files:
        kernel = run_kernels.Kernel(path)
        for flavour in opts.flavour or FLAVOURS:
            status, why = check(kernel, flavour)
            counts[status] += 1
            line = "%s %s [%s]" % (status, path, flavour)
            if status == "FAIL" or (why and opts.verbose):
                line += "\n  " + why
            print(line, flush=True)
    print("%d passed, %d failed, %d skipped" % (
        counts["PASS"], counts["FAIL"], counts["SKIP"]))
    return 1 if counts["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
