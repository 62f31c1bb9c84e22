#!/usr/bin/env python3
"""compile_and_call_test.py - examples/c/compile_and_call against CPython.

    python3 tests/c/compile_and_call_test.py PROGRAM

PROGRAM (examples/c/compile_and_call.c, linked with libmandelc from the
build tree) compiles the tutorial's kernel from source text at run time
and calls it; at each size it must print what CPython prints running
examples/pure_python3.py (the time masked), and the kernel's signature on
stderr.
"""

import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))


def mask_time(text):
    return re.sub(r"^Main took \d+:\d\d:\d\d(\.\d{6})?$", "Main took T",
                  text, flags=re.M)


def main():
    program = sys.argv[1]
    failed = 0
    for args in (["100", "30"], ["200", "200"], ["300", "100"]):
        want = subprocess.run(
            [sys.executable, os.path.join(ROOT, "examples", "pure_python3.py"),
             *args], capture_output=True, text=True, check=True).stdout
        r = subprocess.run([program, *args], capture_output=True, text=True,
                           timeout=300)
        sig = ("calculate_z_serial_purepython(q: list[complex], maxiter: "
               "int, z: list[complex]) -> list[int]\n")
        ok = (r.returncode == 0 and mask_time(r.stdout) == mask_time(want)
              and r.stderr == sig)
        print("%s %s" % ("ok  " if ok else "FAIL", " ".join(args)))
        if not ok:
            failed += 1
            print("  want:\n%s  got (exit %d):\n%s%s" % (
                want, r.returncode, r.stdout, r.stderr))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
