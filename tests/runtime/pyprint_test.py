#!/usr/bin/env python3
"""Checks runtime/pyprint.c's repr and `%` formatting against CPython.

Usage: pyprint_test.py PATH/TO/pyprint_test [COUNT]

First confirms with this python3 the literal strings that pyprint_test.c's
check suite expects (so those literals are CPython's, not our guess). Then
feeds the program's --stdin mode seeded random floats, complex numbers and
format strings with flags, widths and precisions, and compares every line
with what python3 computes. Exits 1 on any difference.
"""
import math
import random
import struct
import subprocess
import sys

INF, NAN = float("inf"), float("nan")

# (Python expression, the string pyprint_test.c expects for it)
LITERALS = [
    ("repr(0.1)", "0.1"), ("repr(100.0)", "100.0"), ("repr(1e16)", "1e+16"),
    ("repr(1e15)", "1000000000000000.0"), ("repr(1e-05)", "1e-05"),
    ("repr(0.0001)", "0.0001"), ("repr(-0.0)", "-0.0"),
    ("repr(1.0 / 3.0)", "0.3333333333333333"), ("repr(5e-324)", "5e-324"),
    ("repr(1.7976931348623157e308)", "1.7976931348623157e+308"),
    ("repr(INF)", "inf"), ("repr(-INF)", "-inf"), ("repr(-NAN)", "nan"),
    ("repr(2.5e-7)", "2.5e-07"),
    ("repr(1+2j)", "(1+2j)"), ("repr(2j)", "2j"),
    ("repr(complex(-0.0, -1))", "(-0-1j)"), ("repr(0j)", "0j"),
    ("repr(complex(NAN, INF))", "(nan+infj)"),
    ("repr(complex(1.5, -0.0))", "(1.5-0j)"),
    ("repr(complex(1e16, 1e-5))", "(1e+16+1e-05j)"),
    ("str([1, 2, 3])", "[1, 2, 3]"), ("str([1j, 1-2j])", "[1j, (1-2j)]"),
    ("str([[1, 2, 3], []])", "[[1, 2, 3], []]"), ("str([1.0, 0.5])",
                                                  "[1.0, 0.5]"),
    ("'%0.2f%% complete' % 12.5", "12.50% complete"), ("'%d' % 3.99", "3"),
    ("'%s' % 1e16", "1e+16"), ("'%05d|%-5d|%+d' % (-3, -3, 3)",
                               "-0003|-3   |+3"),
    ("'%#x %#o %X' % (255, 8, 255)", "0xff 0o10 FF"),
    ("'%r %s' % (\"a'b\", 'x')", "\"a'b\" x"), ("'%05f' % INF", "00inf"),
    ("'%*d|%-*.*f' % (5, 1, 8, 2, 3.14159)", "    1|3.14    "),
]
ERRORS = [
    ("'%d %d' % (1,)", "TypeError: not enough arguments for format string"),
    ("'%d' % (1, 2)",
     "TypeError: not all arguments converted during string formatting"),
    ("'%y' % 1",
     "ValueError: unsupported format character 'y' (0x79) at index 1"),
]


def check_literals():
    bad = 0
    for expr, want in LITERALS:
        got = eval(expr)
        if got != want:
            print("python3 gives %r for %s, pyprint_test.c expects %r" %
                  (got, expr, want))
            bad += 1
    for expr, want in ERRORS:
        try:
            eval(expr)
            got = "no error"
        except Exception as e:
            got = "%s: %s" % (type(e).__name__, e)
        if got != want:
            print("python3 gives %r for %s, pyprint_test.c expects %r" %
                  (got, expr, want))
            bad += 1
    return bad


def hexf(x):
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x.hex()


def random_float(rng):
    r = rng.random()
    if r < 0.2:
        return math.ldexp(1.0, rng.randint(-1074, 1023)) * rng.choice([1, -1])
    if r < 0.3:
        return rng.choice([0.0, -0.0, INF, -INF, NAN, 0.1, 1e16, 1e15, 1e-4,
                           1e-5, 123456789012345678.0, 9.999999999999999e15])
    if r < 0.5:
        return round(rng.uniform(-1e6, 1e6), rng.randint(0, 8))
    if r < 0.6:
        return float(rng.randint(-10 ** 17, 10 ** 17))
    x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
    return x if not math.isnan(x) else 1.5


def random_spec(rng):
    """A conversion spec with random flags, width and precision."""
    flags = "".join(rng.sample("-+ #0", rng.randint(0, 3)))
    width = str(rng.randint(0, 25)) if rng.random() < 0.5 else ""
    prec = "." + str(rng.randint(0, 20)) if rng.random() < 0.5 else ""
    return flags, width, prec


def random_format(rng):
    """(format string, kinds, Python args, C arg fields)."""
    pieces, kinds, args = [], "", []
    for _ in range(rng.randint(1, 3)):
        flags, width, prec = random_spec(rng)
        conv = rng.choice("diuxXoeEfFgGsrc%")
        if conv == "%":
            pieces.append("%%")
            continue
        r = rng.random()
        if conv == "c":
            kind, value = "i", rng.randint(32, 0x2000)
        elif r < 0.4:
            kind, value = "i", rng.choice([0, 1, -1, 255, -(1 << 63),
                                           (1 << 63) - 1,
                                           rng.randint(-10 ** 6, 10 ** 6)])
        elif r < 0.85:
            kind, value = "f", random_float(rng)
        elif r < 0.95:
            kind, value = "b", rng.random() < 0.5
        else:
            kind, value = "s", rng.choice(["abc", "", "it's", "x\\y"])
        pieces.append("%" + flags + width + prec + conv)
        kinds += kind
        args.append(value)
    text = rng.choice(["", "x=", "a b "]).join(pieces)
    return text, kinds, args


def format_line(text, kinds, args):
    fields = []
    for k, v in zip(kinds, args):
        fields.append(hexf(v) if k == "f" else
                      str(int(v)) if k in "ib" else v)
    return "\t".join(["format", text, kinds] + fields)


def expected(fn):
    try:
        return fn()
    except Exception as e:  # the exception is the expected result
        return "E %s: %s" % (type(e).__name__, e)


def cases(rng, count):
    ops = []
    for _ in range(count):
        x, y = random_float(rng), random_float(rng)
        ops.append(("repr " + hexf(x), repr(x)))
        ops.append(("complex %s %s" % (hexf(x), hexf(y)),
                    repr(complex(x, y))))
        text, kinds, args = random_format(rng)
        ops.append((format_line(text, kinds, args),
                    expected(lambda: text % tuple(args))))
    return ops


def main():
    program = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    bad = check_literals()
    ops = [(l, w) for l, w in cases(random.Random(2011), count)
           if "\n" not in w]
    run = subprocess.run([program, "--stdin"], capture_output=True,
                         input="".join(l + "\n" for l, _ in ops), text=True,
                         check=False)
    got = run.stdout.split("\n")[:-1]
    if run.returncode != 0 or len(got) != len(ops):
        print("pyprint_test exited %d after %d of %d lines\n%s" %
              (run.returncode, len(got), len(ops), run.stderr))
        return 1
    diffs = [(l, w, g) for (l, w), g in zip(ops, got) if w != g]
    for l, w, g in diffs[:25]:
        print("%r\n  python:  %r\n  mandelc: %r" % (l, w, g))
    print("%d literals checked (%d wrong), %d lines, %d differ from CPython"
          % (len(LITERALS) + len(ERRORS), bad, len(ops), len(diffs)))
    return 1 if bad or diffs else 0


if __name__ == "__main__":
    sys.exit(main())
