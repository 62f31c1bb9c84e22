#!/usr/bin/env python3
"""language_examples.py - every example of docs/language.md, run.

    python3 tests/docs/language_examples.py MANDELC [DOC.md]

Extracts each ```python block of the document (docs/language.md by
default) and runs it under CPython, which must exit 0: an example that is
not Python, or that raises, fails. A block whose first line is `# kernel`
is also a kernel (docs/language.md §4): it is run by mandelc and by the
Python driver (tests/refdriver.py --int64, the oracle) at 40 20, and the
two outputs must be equal, as tests/run_kernels.py compares them. Prints
one line a block and `N examples, N kernels, N failed`; exit status 1 on
any failure, or when the document has no example at all.
"""

import os
import re
import subprocess
import sys
import tempfile
import types

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
import gen_kernels  # noqa: E402  (check_one: mandelc against CPython)

BLOCK = re.compile(r"^```python\n(.*?)^```$", re.M | re.S)


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


def main(argv):
    mandelc = argv[1]
    doc = argv[2] if len(argv) > 2 else os.path.join(ROOT, "docs",
                                                      "language.md")
    text = open(doc, encoding="utf-8").read()
    blocks = [(line_of(text, m.start()), m.group(1))
              for m in BLOCK.finditer(text)]
    failed = kernels = 0
    with tempfile.TemporaryDirectory() as tmp:
        for line, code in blocks:
            path = os.path.join(tmp, "example_line%d.py" % line)
            with open(path, "w", encoding="utf-8") as f:
                f.write(code)
            r = subprocess.run([sys.executable, path], capture_output=True,
                               text=True, timeout=120, cwd=tmp)
            problems = []
            if r.returncode != 0:
                problems.append("CPython exits %d:\n%s" % (r.returncode,
                                                          r.stderr))
            if code.startswith("# kernel\n"):
                kernels += 1
                opts = types.SimpleNamespace(mandelc=mandelc, args="40 20",
                                             target="llvm", extra=[])
                problems += gen_kernels.check_one(path, opts)
            status = "FAIL" if problems else "PASS"
            print("%s %s:%d" % (status, os.path.relpath(doc, ROOT), line))
            for p in problems:
                print("    " + p.replace("\n", "\n    "))
            failed += bool(problems)
    print("%d examples, %d kernels, %d failed" % (len(blocks), kernels,
                                                  failed))
    return 1 if failed or not blocks else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
