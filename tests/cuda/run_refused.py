#!/usr/bin/env python3
"""run_refused.py - list kernels whose outer loop must not become threads.

    python3 tests/cuda/run_refused.py MANDELC [FILE...]

Each tests/cuda/refused/*.py opens with `# refused: LINE:COL: error: MSG`:
`MANDELC FILE --emit=cuda` must exit 1 and print exactly
`FILE:LINE:COL: error: MSG` on stderr (parallel.c's reason, at the
statement that carries the dependency). Prints PASS/FAIL per file and
`N passed, N failed`; exit status 1 on any failure.
"""

import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def expected(path):
    with open(path, encoding="utf-8") as f:
        first = f.readline()
    prefix = "# refused: "
    if not first.startswith(prefix):
        return None
    return "%s:%s" % (path, first[len(prefix):].rstrip("\n"))


def main():
    mandelc = sys.argv[1]
    files = sys.argv[2:] or sorted(glob.glob(os.path.join(HERE, "refused",
                                                          "*.py")))
    failed = 0
    for path in files:
        want = expected(path)
        p = subprocess.run([mandelc, path, "--emit=cuda"], capture_output=True,
                           text=True, errors="replace", timeout=60)
        ok = want is not None and p.returncode == 1 and \
            want in p.stderr.splitlines()
        failed += not ok
        print("%s %s" % ("PASS" if ok else "FAIL", path))
        if not ok:
            print("    want (exit 1): %s\n    got (exit %d):\n      %s" %
                  (want, p.returncode,
                   p.stderr.strip().replace("\n", "\n      ")))
    print("%d passed, %d failed" % (len(files) - failed, failed))
    return 1 if failed or not files else 0


if __name__ == "__main__":
    sys.exit(main())
