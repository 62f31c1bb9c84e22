#!/usr/bin/env python3
"""binding_test.py - mandelc's binder against the oracle's, file by file.

    python3 tests/binding_test.py MANDELC [FILE_OR_DIR...]

docs/language.md section 3 says how the driver picks the kernel and binds
its parameters (types, then names and positions, chunks, --kernel,
--bind). mandelc implements it in frontend/select.c, tests/refdriver.py a
second time in Python. For every kernel file (by default examples/,
tests/kernels/forms/ and tests/kernels/binding/) and for each extra option
set below, both must choose the same kernel with the same form and the same
binding (mandelc's `-v` lines `kernel NAME (FORM form)` and `binding: ...`
against `refdriver.py --show-binding`), or both must refuse with the same
exit status. One line per case; exit status 1 on any difference.
"""

import concurrent.futures
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
REFDRIVER = os.path.join(HERE, "refdriver.py")
DEFAULT_DIRS = ["examples", "tests/kernels/forms", "tests/kernels/binding"]
KERNEL_LINE = re.compile(r"^mandelc: kernel (\S+) \((\w+) form\)", re.M)
BINDING_LINE = re.compile(r"^mandelc: binding: (.*)$", re.M)

# Option sets that must bind the same way on both sides (file, options).
EXTRA = [
    ("tests/kernels/binding/ambiguous_lists.py", ["--bind=start=b,points=a"]),
    ("tests/kernels/binding/ambiguous_lists.py", ["--bind=points=b,start=a"]),
    ("tests/kernels/binding/ambiguous_lists.py", []),
    ("tests/kernels/binding/ambiguous_lists.py", ["--kernel=kernel"]),
    ("tests/kernels/binding/ambiguous_lists.py", ["--bind=points=nope"]),
    ("tests/kernels/binding/ambiguous_lists.py",
     ["--bind=points=a,points=b"]),
    ("tests/kernels/binding/ambiguous_lists.py", ["--bind=maxiter=a"]),
    ("tests/kernels/binding/book_zs_cs.py",
     ["--bind=points=zs,start=cs"]),
    ("tests/kernels/binding/driver_calls.py", ["--kernel=other"]),
    ("tests/kernels/binding/driver_calls.py", ["--kernel=mandel"]),
]


def header_options(path):
    """The `# mandelc: OPTIONS` header of a kernel file."""
    opts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                break
            if line.startswith("# mandelc:"):
                opts += line[len("# mandelc:"):].split()
    return [o for o in opts if o.startswith(("--kernel", "--bind"))]


def mandelc_binding(mandelc, path, opts):
    p = subprocess.run([mandelc, path, "1", "0", "-v", "--no-cache"] + opts,
                       capture_output=True, text=True, timeout=120)
    k = KERNEL_LINE.search(p.stderr)
    b = BINDING_LINE.search(p.stderr)
    if not k or not b:
        return p.returncode, None, p.stderr
    return 0, (k.group(1), k.group(2), b.group(1)), p.stderr


def oracle_binding(path, opts):
    p = subprocess.run([sys.executable, REFDRIVER, path, "--show-binding"]
                       + opts, capture_output=True, text=True, timeout=120)
    lines = p.stdout.splitlines()
    if p.returncode != 0 or len(lines) != 2:
        return p.returncode, None, p.stderr
    m = re.match(r"kernel (\S+) \((\w+) form\)$", lines[0])
    return 0, (m.group(1), m.group(2), lines[1][len("binding: "):]), ""


def check(mandelc, path, opts):
    mc, mb, merr = mandelc_binding(mandelc, path, opts)
    oc, ob, oerr = oracle_binding(path, opts)
    name = " ".join([os.path.relpath(path, ROOT)] + opts)
    if (mc, mb) == (oc, ob):
        return True, "PASS %s  %s" % (name, mb[2] if mb else "exit %d" % mc)
    return False, ("FAIL %s\n  mandelc: exit %d %s\n  oracle:  exit %d %s\n"
                   "  mandelc stderr: %s  oracle stderr: %s" % (
                       name, mc, mb, oc, ob, merr.strip()[:400],
                       oerr.strip()[:400]))


def kernel_files(args):
    paths = args or [os.path.join(ROOT, d) for d in DEFAULT_DIRS]
    files = []
    for p in paths:
        if os.path.isdir(p):
            files += sorted(os.path.join(p, f) for f in os.listdir(p)
                            if f.endswith(".py"))
        else:
            files.append(p)
    return files


def main(argv):
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    mandelc = argv[0]
    cases = [(f, header_options(f)) for f in kernel_files(argv[1:])]
    if len(argv) == 1:
        cases += [(os.path.join(ROOT, f), o) for f, o in EXTRA]
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        for ok, line in pool.map(lambda c: check(mandelc, *c), cases):
            print(line)
            failed += not ok
    print("%d agreed, %d differed" % (len(cases) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
