#!/usr/bin/env python3
"""run_regressions.py - every input a fuzzer once crashed on, through mandelc.

    python3 tests/fuzz/run_regressions.py MANDELC [FILE_OR_DIR...]

Each file of tests/fuzz/regressions/ (by default) goes through the whole
compile to IR (`MANDELC FILE --emit=llvm`) and through a run (`MANDELC FILE
4 3 --timeout=20`). Either may succeed or end with a diagnostic (exit 1:
the file does not compile; 2: it cannot be read; 3: the kernel raised), but
never with a signal, a sanitizer report or a hang (60 s). Prints one line
per input and `N passed, N failed`; exit status 1 on any failure.
"""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ALLOWED = (0, 1, 2, 3)


def files(paths):
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                if not name.startswith(".") and name != "README.md":
                    yield os.path.join(p, name)
        else:
            yield p


def problem(cmd):
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        return "hung (60 s)"
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode not in ALLOWED:
        return "exit %d\n%s" % (p.returncode, err[-2000:])
    if "Sanitizer" in err or "runtime error:" in err:
        return "sanitizer report\n" + err[-2000:]
    return None


def main(argv):
    mandelc, paths = argv[0], argv[1:] or [os.path.join(HERE, "regressions")]
    passed = failed = 0
    for f in files(paths):
        bad = (problem([mandelc, f, "--emit=llvm"]) or
               problem([mandelc, f, "4", "3", "--timeout=20"]))
        if bad:
            failed += 1
            print("FAIL %s: %s" % (f, bad))
        else:
            passed += 1
            print("PASS %s" % f)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
