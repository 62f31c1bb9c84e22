#!/usr/bin/env python3
"""limits_test.py - every limit of the README, and the bad inputs, end well.

    python3 tests/limits/limits_test.py MANDELC [-v] [-k NAME]

One case per limit or bad input: the command, the exit status mandelc must
end with and a pattern its stderr must match (each limit's message names
the limit). Nothing may die on a signal, print a sanitizer report or take
longer than its case allows. The table below is the list of bad inputs the
README's "Limits" section promises to survive; with -v each case prints its
command and exit status, which is how the list in the report was made.
Ends with `N passed, N failed`; exit status 1 on any failure.
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
EXAMPLE = os.path.join(ROOT, "examples", "pure_python_2.py")
MIB = 1 << 20

RECURSE = """def g(n):
    if n == 0:
        return 0
    return g(n - 1) + 1


def f(c, maxiter):
    return g(maxiter)
"""

FOREVER = """def f(c, maxiter):
    n = 0
    while True:
        n += 1
    return n
"""

PRINTS = """def f(c, maxiter):
    for i in range(100):
        print(i, c)
    return 1
"""


def kernel_with_list(n):
    return "def f(c, maxiter):\n    x = [0] * %s\n    return len(x)\n" % n


def nested(depth):
    return "def f(c, maxiter):\n    return %s1%s\n" % ("(" * depth,
                                                       ")" * depth)


def indented(depth):
    lines = ["def f(c, maxiter):", "    n = 0"]
    for d in range(1, depth):
        lines.append("    " * d + "if n == 0:")
    lines.append("    " * depth + "n = 1")
    lines.append("    return n")
    return "\n".join(lines) + "\n"


def chain_sum(n):
    return "def f(c, maxiter):\n    return %s\n" % "+".join(["1"] * n)


def elifs(n):
    lines = ["def f(c, maxiter):", "    x = 0", "    if c.real < -9.0:",
             "        x = 1"]
    for i in range(n):
        lines += ["    elif c.real < %d.0:" % (i - 9), "        x = %d" % i]
    return "\n".join(lines + ["    return x", ""])


class Files:
    """The inputs, written once into a temporary folder."""

    def __init__(self, tmp):
        self.tmp = tmp

    def write(self, name, data):
        path = os.path.join(self.tmp, name)
        mode = "wb" if isinstance(data, bytes) else "w"
        with open(path, mode) as f:
            f.write(data)
        return path


def cases(fs):
    """(name, argv after MANDELC, exit status, stderr pattern, extra)."""
    w = fs.write
    rnd = bytes((i * 7919 + 13) % 256 for i in range(4096))
    big = "x = 1\n" * (10 * MIB // 6)           # 10 MB of statements
    huge = "#" * (16 * MIB + 1) + "\n"            # just past the limit
    return [
        ("binary garbage", [w("garbage.py", rnd), "10", "10"], 1,
         r"not valid UTF-8"),
        ("truncated file", [w("trunc.py", open(EXAMPLE).read()[:400]),
                            "10", "10"], 1, r"error:"),
        ("empty file", [w("empty.py", ""), "10", "10"], 1,
         r"no function can be the kernel"),
        ("non-UTF-8", [w("latin1.py", b"def f(c, maxiter):\n"
                         b"    return 0  # caf\xe9\n"), "10", "10"], 1,
         r"not valid UTF-8"),
        ("10 MB file", [w("big.py", big), "10", "10"], 1,
         r"error: .*(out of memory|too)"),
        ("file past 16 MiB", [w("huge.py", huge)], 2, r"larger than 16 MiB"),
        ("/dev/zero as the file", ["/dev/zero"], 2, r"larger than 16 MiB"),
        ("missing file", [os.path.join(fs.tmp, "nope.py")], 2,
         r"cannot open"),
        ("directory as file", [fs.tmp], 2, r"directory"),
        ("10,000 nested brackets", [w("brackets.py", "x = " + "[" * 10000 +
                                      "]" * 10000 + "\n")], 1,
         r"too many nested parentheses \(the limit is 200\)"),
        ("200 nested parentheses", [w("nest200.py", nested(198)), "4",
                                    "3"], 0, r"^$"),
        ("201 nested parentheses", [w("nest201.py", nested(201))], 1,
         r"the limit is 200"),
        # left-deep trees: C stack overflows (signal 11) before the fix
        ("a + b + ... 200,000 terms", [w("chain.py", chain_sum(200000))],
         1, r"too many nested blocks or expressions \(the limit is 200\)"),
        ("1,500 terms", [w("chain1500.py", chain_sum(1500)), "4", "3"], 0,
         r"^$"),
        ("50,000 elifs", [w("elifs.py", elifs(50000))], 1,
         r"too many nested blocks or expressions \(the limit is 200\)"),
        ("1,500 elifs", [w("elif1500.py", elifs(1500)), "4", "3"], 0,
         r"^$"),
        ("100 indentation levels", [w("ind99.py", indented(99)), "4", "3"],
         0, r"^$"),
        ("101 indentation levels", [w("ind101.py", indented(101))], 1,
         r"too many levels of indentation \(the limit is 100\)"),
        ("W = 0", [EXAMPLE, "0", "10"], 2, r"W must be an integer from 1"),
        ("W = 100001", [EXAMPLE, "100001", "10"], 2, r"from 1 to 100000"),
        ("huge W", [EXAMPLE, "99999999999999999999999", "10"], 2,
         r"from 1 to 100000"),
        ("non-numeric W", [EXAMPLE, "abc", "10"], 2, r"W must be"),
        ("negative MAXITER", [EXAMPLE, "10", "-5"], 2,
         r"MAXITER must be an integer from 0 to 1099511627776"),
        ("MAXITER = 2**40 + 1", [EXAMPLE, "10", str(2 ** 40 + 1)], 2,
         r"MAXITER must be"),
        ("region x1 >= x2", [EXAMPLE, "10", "10", "--region=1,0,-1,1"], 2,
         r"X1 < X2"),
        ("[0] * 10**12", [w("biglist.py", kernel_with_list("10**12")), "4",
                          "3"], 3, r"biglist.py:2: MemoryError"),
        ("[0] * -1 is empty", [w("neglist.py", kernel_with_list("-1")), "4",
                               "3"], 0, r"^$"),
        ("recursion 999 deep", [w("rec.py", RECURSE), "4", "999",
                                "--threads=2"], 0, r"^$"),
        ("recursion 5000 deep, 1 thread", [w("rec.py", RECURSE), "4",
                                           "5000", "--threads=1"], 3,
         r"rec.py:4: RecursionError: maximum recursion depth exceeded"),
        ("recursion 10**9 deep, 2 threads", [w("rec.py", RECURSE), "6",
                                             "1000000000", "--threads=2"],
         3, r"RecursionError"),
        ("infinite loop --timeout=1", [w("forever.py", FOREVER), "10",
                                       "10", "--timeout=1"], 3,
         r"TimeoutError: .*--timeout=1"),
        ("--timeout=0", [EXAMPLE, "10", "10", "--timeout=0"], 2,
         r"timeout"),
        ("--timeout=abc", [EXAMPLE, "10", "10", "--timeout=abc"], 2,
         r"--timeout: 'abc' is not a finite number"),
        ("--threads=0", [EXAMPLE, "10", "10", "--threads=0"], 2, r"threads"),
        ("--threads=1025", [EXAMPLE, "10", "10", "--threads=1025"], 2,
         r"threads"),
        ("stdout is /dev/full", [w("prints.py", PRINTS), "40", "10",
                                 ">/dev/full"], 1, r"cannot write"),
        # A closed pipe ends mandelc as SIGPIPE ends other tools: quietly.
        ("stdout closed early (| head -1)", [w("prints.py", PRINTS), "60",
                                             "10", "|head"], -13,
         r"\A\Z"),
        ("Ctrl-C during a run", [w("forever.py", FOREVER), "10", "10",
                                 "SIGINT"], 130, r"interrupted"),
        ("Ctrl-C, 2 threads", [w("forever.py", FOREVER), "10", "10",
                               "--threads=2", "SIGINT"], 130,
         r"interrupted"),
    ]


def run(mandelc, argv):
    """(exit status, stderr, seconds) of one case; the pseudo arguments
    `>/dev/full`, `|head` and `SIGINT` say how it is run."""
    t0 = time.time()
    args = [a for a in argv if a not in (">/dev/full", "|head", "SIGINT")]
    cmd = [mandelc] + args
    if ">/dev/full" in argv:
        with open("/dev/full", "w") as full:
            p = subprocess.run(cmd, stdout=full, stderr=subprocess.PIPE,
                               timeout=120)
        return p.returncode, p.stderr, time.time() - t0
    if "|head" in argv:
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        p.stdout.readline()
        p.stdout.close()   # what `head -1` does after its line
        err = p.stderr.read()
        return p.wait(timeout=120), err, time.time() - t0
    if "SIGINT" in argv:
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
        time.sleep(1.5)
        p.send_signal(signal.SIGINT)
        err = p.stderr.read()
        return p.wait(timeout=30), err, time.time() - t0
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, timeout=120)
    return p.returncode, p.stderr, time.time() - t0


def check(mandelc, case):
    name, argv, want_rc, pattern = case
    try:
        rc, err, secs = run(mandelc, argv)
    except subprocess.TimeoutExpired:
        return "hung", None, 0.0
    err = err.decode("utf-8", "replace")
    if "Sanitizer" in err or "runtime error:" in err:
        return "sanitizer report:\n" + err[-3000:], rc, secs
    if rc != want_rc:
        return "exit %d, expected %d:\n%s" % (rc, want_rc, err[-1500:]), rc, \
            secs
    if not re.search(pattern, err.strip(), re.M):
        return "stderr does not match %r:\n%s" % (pattern, err[-1500:]), rc, \
            secs
    return None, rc, secs


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("mandelc")
    ap.add_argument("-v", action="store_true")
    ap.add_argument("-k", default="")
    opts = ap.parse_args(argv)
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="mandelc_limits_") as tmp:
        for case in cases(Files(tmp)):
            if opts.k not in case[0]:
                continue
            bad, rc, secs = check(opts.mandelc, case)
            if bad:
                failed += 1
                print("FAIL %-34s %s" % (case[0], bad))
            else:
                passed += 1
                print("PASS %-34s exit %d (%.1f s)" % (case[0], rc, secs))
            if opts.v:
                print("     mandelc %s" % " ".join(
                    os.path.basename(a) if a.startswith(tmp) else a
                    for a in case[1]))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
