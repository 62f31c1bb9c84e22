#!/usr/bin/env python3
"""run_kernels.py - the conformance runner: mandelc against CPython.

    python3 tests/run_kernels.py MANDELC [--target=T] [MANDELC OPTIONS...]
        [--only PATTERN] [-j N] [--args "W MAXITER"]... [--cache-dir DIR]
        [FILE_OR_DIR...]

For every kernel file (by default examples/ and tests/kernels/**), runs
CPython through tests/refdriver.py (the oracle) and `MANDELC FILE W MAXITER
OPTIONS`, and requires:
  * the same exit status;
  * the same stdout, the "Main took" line's time masked;
  * for a run-time error (exit 3), mandelc's stderr holds exactly the
    oracle's `FILE:LINE: ExcName: message` line (mandelc may print other
    lines on stderr, e.g. the target or compile time).

Header comments of a kernel file (lines starting with `#` before the code):
  # args: W MAXITER          sizes to run at (default 100 30); --args
                             on the command line overrides them
  # mandelc: OPTIONS         options for both sides (--kernel, --region)
  # targets: llvm cuda       targets the kernel is meant for (default all);
                             on another target the kernel is SKIPPED
  # expect: EXC LINE         docs/language.md §5 departs from CPython here: the
  # oracle
                             is refdriver.py --int64 (64-bit ints), which
                             must raise EXC at LINE, and plain CPython must
                             succeed (so the true result does not fit in 64
                             bits). mandelc must raise EXC at LINE; for
                             OverflowError only `FILE:LINE: OverflowError`
                             is compared, its message being mandelc's own.

Every option that the runner does not know goes to mandelc only (e.g.
--threads=2). --launcher "mpirun -np 2" runs mandelc under that command
(tests/mpi/: a run split over MPI ranks must print what CPython prints). A mandelc exit status 4 (target unavailable) counts as
SKIPPED, not as a failure; so does, on a target other than llvm, a kernel
that mandelc refuses to compile (exit 1: the GPU target supports less of
docs/language.md §4), with mandelc's reason shown under -v. One line per kernel
(PASS, FAIL with a diff, SKIP) and a closing line `N passed, N failed`;
exit status 1 on any failure.
"""

import argparse
import concurrent.futures
import difflib
import hashlib
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
REFDRIVER = os.path.join(HERE, "refdriver.py")
DEFAULT_ARGS = ["100", "30"]
TIMEOUT_S = 120
EXIT_COMPILE, EXIT_KERNEL, EXIT_UNAVAILABLE = 1, 3, 4
MAIN_TOOK = re.compile(r"Main took \S+$", re.M)  # after a print(end='') too
ERROR_LINE = re.compile(r"^(\S+?):(\d+): ([A-Za-z]+Error): (.*)$")


class Kernel:
    """A kernel file and what its header comments ask for."""

    def __init__(self, path):
        self.path = path
        self.args = list(DEFAULT_ARGS)
        self.options = []
        self.targets = None
        # (exception name, line) where docs/language.md §5 departs
        self.expect = None
        with open(os.path.join(ROOT, path), encoding="utf-8") as f:
            for line in f:
                if not line.startswith("#"):
                    break
                self.read_header(line[1:].strip())

    def read_header(self, text):
        key, _, value = text.partition(":")
        words = value.split()
        if key == "args":
            self.args = words
        elif key == "mandelc":
            self.options = words
        elif key == "targets":
            self.targets = words
        elif key == "expect":
            self.expect = (words[0], int(words[1]))


def run(cmd, cwd):
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True,
                           errors="replace", timeout=TIMEOUT_S)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return None, "", "timed out after %d s" % TIMEOUT_S


def masked(stdout):
    return MAIN_TOOK.sub("Main took <time>", stdout)


def run_oracle(kernel, args, extra, cache_dir):
    """(rc, masked stdout, stderr) of CPython, cached by content."""
    cmd = [sys.executable, REFDRIVER, kernel.path] + args + kernel.options
    cmd += extra
    key = None
    if cache_dir:
        h = hashlib.sha256()
        for name in (REFDRIVER, os.path.join(ROOT, kernel.path)):
            with open(name, "rb") as f:
                h.update(f.read())
        h.update(json.dumps(cmd[2:]).encode())
        key = os.path.join(cache_dir, h.hexdigest() + ".json")
        if os.path.exists(key):
            with open(key) as f:
                return tuple(json.load(f))
    rc, out, err = run(cmd, ROOT)
    result = (rc, masked(out), err)
    if key and rc is not None:
        os.makedirs(cache_dir, exist_ok=True)
        with open(key + ".tmp%d" % os.getpid(), "w") as f:
            json.dump(result, f)
        os.replace(key + ".tmp%d" % os.getpid(), key)
    return result


def error_lines(stderr):
    return [l for l in stderr.splitlines() if ERROR_LINE.match(l)]


def compare(want, got, overflow_loose):
    """A list of problems (empty when mandelc matches the oracle)."""
    wrc, wout, werr = want
    grc, gout, gerr = got
    problems = []
    if grc != wrc:
        how = " (killed by signal %d)" % -grc if grc and grc < 0 else ""
        problems.append("exit status %s%s, CPython %s" % (grc, how, wrc))
    if gout != wout:
        diff = difflib.unified_diff(wout.splitlines(), gout.splitlines(),
                                    "CPython", "mandelc", lineterm="", n=2)
        problems.append("stdout differs:\n" + "\n".join(list(diff)[:40]))
    if wrc == EXIT_KERNEL:
        wline = error_lines(werr)[-1] if error_lines(werr) else werr.strip()
        glines = error_lines(gerr)
        if overflow_loose and wline.split(": ")[1] == "OverflowError":
            wline = wline.rsplit(": ", 1)[0]
            glines = [l.rsplit(": ", 1)[0] for l in glines]
        if glines != [wline]:
            problems.append("error line:\n  CPython: %s\n  mandelc: %s" % (
                wline, "\n           ".join(glines) or "(none)"))
    # Compile and usage errors (exit 1, 2) compare by exit status only.
    if problems and gerr.strip() and grc not in (0, EXIT_KERNEL):
        problems.append("mandelc stderr:\n" + "\n".join(
            gerr.strip().splitlines()[:15]))
    return problems


def check_expectation(kernel, args, cache_dir):
    """Problems with an `# expect:` header, checked under CPython; returns
    (problems, the --int64 oracle's result)."""
    exc, line = kernel.expect
    problems = []
    plain = run_oracle(kernel, args, [], cache_dir)
    if exc == "OverflowError" and plain[0] != 0:
        problems.append("plain CPython should succeed with a big int, got "
                        "exit %s: %s" % (plain[0], plain[2].strip()))
    oracle = run_oracle(kernel, args, ["--int64"], cache_dir)
    errs = error_lines(oracle[2])
    want = "%s:%d: %s" % (kernel.path, line, exc)
    if oracle[0] != EXIT_KERNEL or not errs or not errs[-1].startswith(want):
        problems.append("refdriver --int64 should raise %s at line %d, got "
                        "exit %s: %s" % (exc, line, oracle[0],
                                         oracle[2].strip()))
    return problems, oracle


def check_kernel(path, sizes, opts):
    """(status, message) for one kernel file at every size."""
    try:
        return check_kernel_sizes(Kernel(path), sizes, opts)
    except Exception as err:  # a broken header or file: report, go on
        return "FAIL", "runner error: %s: %s" % (type(err).__name__, err)


def check_kernel_sizes(kernel, sizes, opts):
    if kernel.targets is not None and opts.target not in kernel.targets:
        return "SKIP", "only for target %s" % " ".join(kernel.targets)
    for args in sizes or [kernel.args]:
        if kernel.expect:
            problems, want = check_expectation(kernel, args, opts.cache_dir)
        else:
            problems = []
            want = run_oracle(kernel, args, [], opts.cache_dir)
        if want[0] is None:
            return "FAIL", "CPython timed out"
        cmd = opts.launcher + [opts.mandelc, kernel.path] + args
        cmd += kernel.options
        cmd += ["--target=" + opts.target] + opts.extra
        got = run(cmd, ROOT)
        if got[0] == EXIT_UNAVAILABLE and want[0] != EXIT_UNAVAILABLE:
            return "SKIP", "target unavailable: " + got[2].strip()[:200]
        if (opts.target != "llvm" and got[0] == EXIT_COMPILE
                and want[0] != EXIT_COMPILE):
            return "SKIP", "refused on target %s: %s" % (
                opts.target, got[2].strip().splitlines()[0][:200])
        got = (got[0], masked(got[1]), got[2])
        problems += compare(want, got, kernel.expect is not None)
        if problems:
            return "FAIL", "%s\n  %s" % (" ".join(cmd), "\n  ".join(
                "\n  ".join(p.splitlines()) for p in problems))
    return "PASS", ""


def find_kernels(paths):
    found = []
    for p in paths:
        if os.path.isdir(p):
            for d, dirs, files in os.walk(p):
                dirs.sort()
                found += [os.path.join(d, f) for f in sorted(files)
                          if f.endswith(".py")]
        else:
            found.append(p)
    return [os.path.relpath(os.path.abspath(f), ROOT) for f in found]


def parse_args(argv):
    ap = argparse.ArgumentParser(
        description="Run kernel files under CPython and mandelc; compare.")
    ap.add_argument("mandelc", help="path of the mandelc binary")
    ap.add_argument("paths", nargs="*", help="kernel files or folders "
                    "(default: examples/ and tests/kernels/)")
    ap.add_argument("--target", default="llvm")
    ap.add_argument("--only", action="append", default=[],
                    help="run only kernels whose path contains PATTERN")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--args", action="append", default=[],
                    help='"W MAXITER" to run every kernel at (repeatable)')
    ap.add_argument("--cache-dir", help="keep CPython's results here")
    ap.add_argument("--launcher", default="",
                    help='a command to start mandelc with, e.g. "mpirun '
                    '-np 2"')
    ap.add_argument("-v", "--verbose", action="store_true")
    opts, extra = ap.parse_known_args(argv)
    opts.launcher = opts.launcher.split()
    # Kernel paths given after the options land among the unknown ones.
    opts.paths += [a for a in extra if not a.startswith("-")]
    opts.extra = [a for a in extra if a.startswith("-")]
    opts.mandelc = os.path.abspath(opts.mandelc)
    if not opts.paths:
        opts.paths = [os.path.join(ROOT, "examples"),
                      os.path.join(HERE, "kernels")]
    return opts


def main(argv):
    opts = parse_args(argv)
    kernels = [k for k in find_kernels(opts.paths)
               if not opts.only or any(p in k for p in opts.only)]
    sizes = [a.split() for a in opts.args]
    passed = failed = skipped = 0
    with concurrent.futures.ThreadPoolExecutor(max(1, opts.jobs)) as pool:
        jobs = [(k, pool.submit(check_kernel, k, sizes, opts))
                for k in kernels]
        for path, job in jobs:
            status, message = job.result()
            line = "%s %s" % (status, path)
            if message and (status != "SKIP" or opts.verbose):
                line += "\n  " + message
            print(line, flush=True)
            passed += status == "PASS"
            failed += status == "FAIL"
            skipped += status == "SKIP"
    if skipped:
        print("%d skipped" % skipped)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
