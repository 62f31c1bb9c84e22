#!/usr/bin/env python3
"""difffuzz.py - differential fuzzing of mandelc against CPython.

    python3 tests/difffuzz.py MANDELC [--count N] [--seed S] [--jobs N]
        [--args "W MAXITER"] [--shim BUILD_DIR] [--shim-every K] [--c]
        [--start I] [--keep DIR] [--minimise FILE]

Makes N random kernels with tests/gen_kernels.py's generator (statements,
while and for loops, helper calls, lists, lists of tuples and nested lists
(the GPU target refuses lists of tuples: such kernels count as unmapped
on the shim), deliberate run-time errors; see its docstring) from seeds distinct from the CTest entry's (S defaults to
2026, so these are kernels the suite never ran), and checks each one
  * with --target=llvm: mandelc's output against CPython's
    (tests/refdriver.py --int64), exactly as gen_kernels.py compares them;
  * with --shim BUILD_DIR: also the CUDA C that `--emit=cuda` makes, run on
    the host by tests/cuda/run_shim.py's shim (g++, no GPU), for every K-th
    kernel (--shim-every, default 1: all of them). A kernel the CUDA
    mapping refuses (exit 1) is counted as unmapped, not as a failure;
  * with --c: also the C program that `--emit=c` makes, built by gcc -O2
    and run, as tests/c/run_c.py checks it (a kernel the C target refuses
    is counted as unmapped too).
A mismatch is kept under --keep (default ./difffuzz_failures) with the
difference. `--minimise FILE` deletes lines of a kept kernel while the
same comparison still fails (delta debugging by lines), and prints the
smallest failing kernel: the seed of a regression kernel for
tests/kernels/regressions/.

The closing line is `difffuzz: N kernels, N llvm mismatches, N shim run,
N shim mismatches, N unmapped` (with --c a line more for the C programs);
the exit status is 1 on any mismatch.
A grid of 12 8 (42 points) keeps a kernel near 0.3 s; 10,000 of them with
--jobs 2 take about an hour with the shim, a third of that without.
"""

import argparse
import concurrent.futures
import os
import shutil
import sys
import tempfile
import types

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "cuda"))
sys.path.insert(0, os.path.join(HERE, "c"))
import gen_kernels  # noqa: E402
import run_c  # noqa: E402
import run_shim  # noqa: E402


def check_llvm(path, opts):
    o = types.SimpleNamespace(mandelc=opts.mandelc, args=opts.args,
                              target="llvm", extra=[])
    return gen_kernels.check_one(path, o)


def check_shim(path, opts):
    """None when the shim agrees with CPython or the mapping refuses the
    kernel ('unmapped'), else the difference."""
    a = types.SimpleNamespace(mandelc=opts.mandelc, build_dir=opts.shim,
                              ptx=False)
    kind, detail = run_shim.check(a, path)
    if kind == "match":
        return None
    if kind == "unmapped":
        return "unmapped"
    return detail


def check_c(path, opts):
    """None when the C program agrees with CPython, 'unmapped' when the C
    target refuses the kernel, else the difference."""
    o = types.SimpleNamespace(mandelc=opts.mandelc, cache_dir=None,
                              cc=["gcc"], cflags="-O2", int64=True)
    status, detail = run_c.check(path, o)
    if status == "PASS":
        return None
    return "unmapped" if status == "REFUSED" else detail


def source(opts, i):
    """Kernel i, with the header that gives run_shim its grid size."""
    return "# args: %s\n%s" % (opts.args,
                               gen_kernels.generate(opts.seed, i))


def check(path, i, opts):
    """(llvm problems, shim result, C result; False when not run)."""
    llvm = check_llvm(path, opts)
    shim = c = False
    if opts.shim and i % opts.shim_every == 0:
        shim = check_shim(path, opts)
    if opts.c:
        c = check_c(path, opts)
    return llvm, shim, c


def keep(opts, path, text):
    os.makedirs(opts.keep, exist_ok=True)
    kept = os.path.join(opts.keep, os.path.basename(path))
    shutil.copy(path, kept)
    with open(kept + ".diff", "w") as f:
        f.write(text + "\n")
    return kept


def still_fails(lines, opts, which):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write("\n".join(lines) + "\n")
    try:
        if which == "llvm":
            return bool(check_llvm(f.name, opts))
        r = check_c(f.name, opts) if which == "c" else check_shim(f.name,
                                                                   opts)
        return r not in (None, "unmapped")
    finally:
        os.unlink(f.name)


def minimise(opts):
    """Line-wise delta debugging: drop chunks of lines, halving the chunk
    size, while the kernel still fails the same check."""
    with open(opts.minimise) as f:
        lines = f.read().splitlines()
    which = "shim" if opts.shim else "c" if opts.c else "llvm"
    if not still_fails(lines, opts, which):
        print("difffuzz: %s does not fail (%s)" % (opts.minimise, which))
        return 1
    chunk = max(1, len(lines) // 2)
    while chunk >= 1:
        i, changed = 0, False
        while i < len(lines):
            trial = lines[:i] + lines[i + chunk:]
            if trial and still_fails(trial, opts, which):
                lines, changed = trial, True
            else:
                i += chunk
        if not changed:
            chunk //= 2
    print("\n".join(lines))
    return 0


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mandelc")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--start", type=int, default=0,
                    help="first kernel index (to resume a run)")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--args", default="12 8")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--shim", metavar="BUILD_DIR")
    ap.add_argument("--shim-every", type=int, default=1)
    ap.add_argument("--c", action="store_true",
                    help="also the C program of --emit=c (gcc -O2)")
    ap.add_argument("--keep", default="difffuzz_failures")
    ap.add_argument("--minimise", metavar="FILE")
    opts = ap.parse_args(argv)
    opts.mandelc = os.path.abspath(opts.mandelc)
    if opts.shim:
        opts.shim = os.path.abspath(opts.shim)
    os.chdir(gen_kernels.run_kernels.ROOT)
    if opts.minimise:
        return minimise(opts)
    work = tempfile.mkdtemp(prefix="mandelc_difffuzz_")
    n = {"llvm_bad": 0, "shim_run": 0, "shim_bad": 0, "unmapped": 0,
         "c_run": 0, "c_bad": 0, "c_refused": 0}

    def one(i):
        path = os.path.join(work, "diff_%d_%d.py" % (opts.seed, i))
        with open(path, "w") as f:
            f.write(source(opts, i))
        try:
            return path, check(path, i, opts)
        except Exception as e:  # a runner error fails one kernel
            return path, (["runner error: %r" % e], False, False)

    indices = range(opts.start, opts.start + opts.count)
    with concurrent.futures.ThreadPoolExecutor(max(1, opts.jobs)) as pool:
        for done, (path, (llvm, shim, c)) in enumerate(
                pool.map(one, indices), 1):
            if llvm:
                n["llvm_bad"] += 1
                kept = keep(opts, path, "\n".join(llvm))
                print("LLVM MISMATCH %s\n  %s" % (
                    kept, "\n  ".join(llvm)), flush=True)
            if shim is not False:
                n["shim_run"] += 1
                if shim == "unmapped":
                    n["unmapped"] += 1
                elif shim:
                    n["shim_bad"] += 1
                    kept = keep(opts, path, "shim:\n" + shim)
                    print("SHIM MISMATCH %s\n  %s" % (
                        kept, shim.replace("\n", "\n  ")), flush=True)
            if c is not False:
                n["c_run"] += 1
                if c == "unmapped":
                    n["c_refused"] += 1
                elif c:
                    n["c_bad"] += 1
                    kept = keep(opts, path, "--emit=c:\n" + c)
                    print("C MISMATCH %s\n  %s" % (
                        kept, c.replace("\n", "\n  ")), flush=True)
            os.unlink(path)
            if done % 100 == 0:
                print("... %d kernels, %s" % (done, n), flush=True)
    shutil.rmtree(work, ignore_errors=True)
    print("difffuzz: %d kernels, %d llvm mismatches, %d shim run, "
          "%d shim mismatches, %d unmapped" % (
              opts.count, n["llvm_bad"], n["shim_run"], n["shim_bad"],
              n["unmapped"]))
    if opts.c:
        print("difffuzz: %d C programs run, %d C mismatches, %d refused by "
              "the C target" % (n["c_run"], n["c_bad"], n["c_refused"]))
    return 1 if n["llvm_bad"] or n["shim_bad"] or n["c_bad"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
