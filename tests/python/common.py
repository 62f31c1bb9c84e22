"""common.py - what the package's tests share: paths, running a program
under CPython and with mandelc, and decorating a program's kernel.

The oracle is always CPython running the same code without the decorator.
The kernel a tutorial program decorates is the one tests/refdriver.py (the
conformance tests' oracle, which chooses it from docs/language.md) picks.
"""

import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)
ROOT = os.path.dirname(TESTS)
PACKAGE_DIR = os.path.join(ROOT, "python")
sys.path.insert(0, TESTS)
sys.path.insert(0, PACKAGE_DIR)

import refdriver  # noqa: E402  (tests/refdriver.py)

TIMING = re.compile(r"^(Main took|.* took) .*$", re.M)


def env():
    e = dict(os.environ)
    e["PYTHONPATH"] = PACKAGE_DIR
    e.pop("PYTHONSTARTUP", None)
    return e


def run(args, timeout=300, **kw):
    return subprocess.run([sys.executable] + args, capture_output=True,
                          text=True, timeout=timeout, env=env(), **kw)


def mask(text):
    return TIMING.sub(r"\1 <time>", text)


def python3_text(path):
    """The file's text with Python 2 print statements made calls, as
    refdriver.py reads it (no line added or removed)."""
    with open(path, encoding="utf-8") as f:
        return refdriver.convert_python2(f.read(), {})


def decorate(text, name, decorator="@mandelc.jit"):
    """text with `import mandelc` on its first line and the decorator
    above `def name(`."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if re.match(r"def %s\(" % re.escape(name), line):
            break
    else:
        raise AssertionError("no def %s in the text" % name)
    lines.insert(i, decorator)
    return "import mandelc; " + "\n".join(lines)


def undecorate(text):
    """text without its `import mandelc` and `@mandelc.jit` lines (each
    left blank, so lines keep their numbers)."""
    out = []
    for line in text.split("\n"):
        if line.strip() == "import mandelc" or \
                line.strip().startswith("@mandelc."):
            line = ""
        out.append(line)
    return "\n".join(out)
