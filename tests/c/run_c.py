#!/usr/bin/env python3
"""run_c.py - the C target (--emit=c) against CPython.

    python3 tests/c/run_c.py MANDELC [--cc CC]... [--cflags FLAGS] [-j N]
                             [--cache-dir DIR] [--min-compiled N] [-v]
                             [FILE_OR_DIR...]

For every kernel file (by default examples/ and tests/kernels/**):
  * `MANDELC FILE --emit=c` (with the file's --kernel and --region) writes
    the kernel and the tutorial's driver as one C program;
  * each compiler (default: gcc and clang-14) builds it with FLAGS
    (default `-O3 -march=native`, the flags under which a compiler would
    contract a * b + c into a fused multiply-add if the file did not forbid
    it) and the C library only (-lm); warnings are not errors here;
  * the program runs at the file's sizes (`# args:`, default 100 30) and
    must print what CPython prints, as tests/run_kernels.py compares them:
    the same exit status, the same stdout (the "Main took" time masked)
    and, for a run-time error (exit 3), the same `FILE:LINE: ExcName:
    message` line on stderr. CPython is tests/refdriver.py, run and cached
    by run_kernels.py's own functions (the oracle, shared with the
    conformance tests through --cache-dir).

A kernel that CPython itself refuses to run (no kernel to bind: exit 1)
passes when mandelc refuses it too. A kernel the C target cannot express
(`--emit=c` exits 1 with a diagnostic while CPython runs it) is listed as
REFUSED with mandelc's reason and counted; a crash or any other exit
status of mandelc is a failure. Kernels whose `# targets:` header names
neither llvm nor c are skipped (the C target runs what the CPU runs).
Ends with `N passed, N failed, N refused, N skipped (of N)`; exit status 1
on any failure or when fewer than --min-compiled kernels were compiled.
"""

import argparse
import concurrent.futures
import os
import shlex
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)
sys.path.insert(0, TESTS)
import run_kernels  # noqa: E402  (the oracle and its comparison)

ROOT = run_kernels.ROOT


def run(cmd, cwd=ROOT, timeout=run_kernels.TIMEOUT_S):
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True,
                           errors="replace", timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return None, "", "timed out after %d s" % timeout


def oracle(kernel, opts):
    """CPython's (rc, masked stdout, stderr), and problems with the
    kernel's `# expect:` header."""
    if kernel.expect:
        return run_kernels.check_expectation(kernel, kernel.args,
                                             opts.cache_dir)
    # difffuzz.py's random kernels compare with 64-bit ints (SPEC 5)
    extra = ["--int64"] if getattr(opts, "int64", False) else []
    return [], run_kernels.run_oracle(kernel, kernel.args, extra,
                                      opts.cache_dir)


def check(path, opts):
    """(status, detail) for one kernel file."""
    kernel = run_kernels.Kernel(path)
    if kernel.targets is not None and not {"llvm", "c"} & set(kernel.targets):
        return "SKIP", "only for target %s" % " ".join(kernel.targets)
    mopts = [o for o in kernel.options
             if o.startswith(("--kernel", "--region", "--bind", "--julia"))]
    problems, want = oracle(kernel, opts)
    if want[0] is None:
        return "FAIL", "CPython timed out"
    rc, code, err = run([opts.mandelc, path, "--emit=c"] + mopts)
    if rc == run_kernels.EXIT_COMPILE:
        if want[0] == run_kernels.EXIT_COMPILE:
            return "PASS", ""
        return "REFUSED", (err.strip().splitlines() or [""])[0]
    if rc != 0:
        return "FAIL", "--emit=c exited %s:\n%s" % (rc, err.strip())
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "k.c")
        with open(src, "w") as f:
            f.write(code)
        for cc in opts.cc:
            exe = os.path.join(tmp, "k_" + os.path.basename(cc))
            crc, _, cerr = run([cc] + shlex.split(opts.cflags) +
                               ["-o", exe, src, "-lm"], cwd=tmp)
            if crc != 0:
                return "FAIL", "%s rejected the C:\n%s" % (cc, cerr[:3000])
            got = run([exe] + kernel.args)
            got = (got[0], run_kernels.masked(got[1]), got[2])
            loose = kernel.expect is not None or getattr(opts, "int64", False)
            found = run_kernels.compare(want, got, loose)
            if problems or found:
                return "FAIL", "built by %s %s:\n  %s" % (
                    cc, opts.cflags, "\n  ".join(
                        "\n  ".join(p.splitlines())
                        for p in problems + found))
    return "PASS", ""


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mandelc")
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--cc", action="append", default=[])
    ap.add_argument("--cflags", default="-O3 -march=native")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--cache-dir")
    ap.add_argument("--min-compiled", type=int, default=1)
    ap.add_argument("-v", "--verbose", action="store_true")
    opts = ap.parse_intermixed_args(argv)
    opts.mandelc = os.path.abspath(opts.mandelc)
    opts.cc = opts.cc or ["gcc", "clang-14"]
    paths = opts.paths or [os.path.join(ROOT, "examples"),
                           os.path.join(TESTS, "kernels")]
    files = run_kernels.find_kernels(paths)
    counts = {"PASS": 0, "FAIL": 0, "REFUSED": 0, "SKIP": 0}
    with concurrent.futures.ThreadPoolExecutor(max(1, opts.j)) as pool:
        for path, (status, detail) in zip(files, pool.map(
                lambda f: check(f, opts), files)):
            counts[status] += 1
            show = detail and (status != "SKIP" or opts.verbose)
            print("%-7s %s%s" % (status, path, "\n  " + detail.replace(
                "\n", "\n  ") if show else ""), flush=True)
    compiled = counts["PASS"] + counts["FAIL"]
    print("%d passed, %d failed, %d refused, %d skipped (of %d); compilers: "
          "%s %s" % (counts["PASS"], counts["FAIL"], counts["REFUSED"],
                     counts["SKIP"], len(files), " and ".join(opts.cc),
                     opts.cflags))
    ok = counts["FAIL"] == 0 and compiled >= opts.min_compiled
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
