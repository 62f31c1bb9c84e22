#!/usr/bin/env python3
"""Checks runtime/pymath.c against CPython, the oracle.

Usage: pymath_test.py PATH/TO/pymath_test [COUNT]

Writes operations (edge cases, then COUNT seeded random ones per kind) to
the C program's stdin, computes each with this python3, and compares every
result line bit for bit (floats through float.hex; NaNs compare equal,
zeros by sign). Prints the first differences and exits 1 if there are any.
"""
import math
import random
import struct
import subprocess
import sys

INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1
INT_TOO_LARGE = "OverflowError: int result does not fit in 64 bits"
INF, NAN = float("inf"), float("nan")


def hexf(x):
    """A float as the C program reads it (C99 hex, inf, nan)."""
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x.hex()


def error_line(e):
    return "E %s: %s" % (type(e).__name__, e)


def result_line(kind, value):
    if kind == "I":
        if not INT64_MIN <= value <= INT64_MAX:
            return "E " + INT_TOO_LARGE
        return "I %d" % value
    if kind == "C":
        return "C %s %s" % (hexf(value.real), hexf(value.imag))
    return "F " + hexf(value)


def expect(kind, fn):
    try:
        return result_line(kind, fn())
    except Exception as e:  # the exception is the expected result
        return error_line(e)


# Each operation: (line for the C program, expected result line).
def cdiv(ar, ai, br, bi):
    return ("cdiv %s %s %s %s" % tuple(map(hexf, (ar, ai, br, bi))),
            expect("C", lambda: complex(ar, ai) / complex(br, bi)))


def cpow(ar, ai, br, bi):
    return ("cpow %s %s %s %s" % tuple(map(hexf, (ar, ai, br, bi))),
            expect("C", lambda: complex(ar, ai) ** complex(br, bi)))


def cpowi(ar, ai, n):
    return ("cpowi %s %s %d" % (hexf(ar), hexf(ai), n),
            expect("C", lambda: complex(ar, ai) ** n))


def cabs(re, im):
    return ("cabs %s %s" % (hexf(re), hexf(im)),
            expect("F", lambda: abs(complex(re, im))))


def fpow(x, y):
    def compute():
        # float_pow's order of checks, up to where it hands over to complex
        goes_complex = (y != 0 and not math.isnan(x) and math.isfinite(y)
                        and math.isfinite(x) and x < 0 and y != math.floor(y))
        if goes_complex:
            raise ValueError(
                "negative number to a fractional power gives a complex "
                "number, which is not supported in kernels "
                "(write complex(x) ** y)")
        return x ** y
    return ("fpow %s %s" % (hexf(x), hexf(y)), expect("F", compute))


def ipow(x, y):
    def compute():
        if y < 0:
            raise ValueError(
                "negative exponent in int ** int is not supported in kernels")
        return x ** y
    return ("ipow %d %d" % (x, y), expect("I", compute))


def binary(name, kind, fn):
    def make(x, y):
        fmt = "%s %d %d" if kind == "I" else "%s %s %s"
        args = (x, y) if kind == "I" else (hexf(x), hexf(y))
        return (fmt % ((name,) + args), expect(kind, lambda: fn(x, y)))
    return make


ffloordiv = binary("ffloordiv", "F", lambda x, y: x // y)
fmod = binary("fmod", "F", lambda x, y: x % y)
hypot = binary("hypot", "F", math.hypot)
ifloordiv = binary("ifloordiv", "I", lambda x, y: x // y)
imod = binary("imod", "I", lambda x, y: x % y)
imul = binary("imul", "I", lambda x, y: x * y)


def itruediv(x, y):
    """int / int: CPython's exact quotient, correctly rounded."""
    return ("itruediv %d %d" % (x, y), expect("F", lambda: x / y))


def icmpf(i, x):
    """float_richcompare of an int and a float: -1, 0, 1 (2 for NaN), plus
    4 times the bits of i == x, i != x, i < x, i <= x, i > x, i >= x, plus
    256 times those of x OP i."""
    want = (2 if math.isnan(x) else (i > x) - (i < x)) + 2
    ops = [lambda a, b: a == b, lambda a, b: a != b, lambda a, b: a < b,
           lambda a, b: a <= b, lambda a, b: a > b, lambda a, b: a >= b]
    for k, op in enumerate(ops):
        want += op(i, x) << (2 + k)
        want += op(x, i) << (8 + k)
    return ("icmpf %d %s" % (i, hexf(x)), "I %d" % want)


def fround(x, nd):
    return ("fround %s %d" % (hexf(x), nd), expect("F", lambda: round(x, nd)))


def froundint(x):
    return ("froundint " + hexf(x), expect("I", lambda: round(x)))


def ftoint(x):
    return ("ftoint " + hexf(x), expect("I", lambda: int(x)))


def math1(name, x):
    return ("math1 %s %s" % (name, hexf(x)),
            expect("F", lambda: getattr(math, name)(x)))


def math2(name, x, y):
    return ("math2 %s %s %s" % (name, hexf(x), hexf(y)),
            expect("F", lambda: getattr(math, name)(x, y)))


SPECIAL = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, -3.0, 1.5, 2.5,
           -2.5, 10.0, 1e-300, -1e-300, 5e-324, -5e-324, 1e300, -1e300,
           1.7976931348623157e308, -1.7976931348623157e308, INF, -INF, NAN,
           0.1, -0.1, 1e16, 2.0 ** 53, 2.0 ** 63, -2.0 ** 63, 2.0 ** 64,
           4503599627370495.5, 0.49999999999999994, 2.675, 0.125]
MATH1 = ["sqrt", "exp", "log", "log2", "log10", "sin", "cos", "tan", "asin",
         "acos", "atan", "sinh", "cosh", "tanh", "fabs", "degrees",
         "radians"]
MATH2 = ["atan2", "hypot", "fmod", "copysign", "pow", "log"]
INTS = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, 62, 63, 64, 100, INT64_MAX,
        INT64_MIN, INT64_MAX - 1, INT64_MIN + 1, 3037000499, 3037000500,
        -3037000500, 1 << 32, -(1 << 32)]
# Ints where float() stops being exact: 2**53 and its neighbours (ties
# round to even), and the big = (n + 1) * 10**17 + 12345678901.
BIG_INTS = [(1 << 53) + d for d in (-2, -1, 0, 1, 2, 3, 5)] + \
    [-(1 << 53) - d for d in (-1, 0, 1, 2, 3)] + \
    [(1 << 54) + 2, (1 << 54) + 6, (1 << 62) + 1, -(1 << 62) - 1,
     (1 << 63) - 513, (1 << 63) - 512, (1 << 63) - 1025, -(1 << 63) + 512,
     21 * 10 ** 17 + 12345678901, -(8 * 10 ** 17 + 12345678901)]


def random_float(rng):
    """Floats of every magnitude, with simple values mixed in."""
    r = rng.random()
    if r < 0.1:
        return rng.choice(SPECIAL)
    if r < 0.4:
        return rng.uniform(-4.0, 4.0)
    if r < 0.5:
        return float(rng.randint(-1000, 1000)) / rng.choice([1, 2, 4, 8, 10])
    bits = rng.getrandbits(64)
    x = struct.unpack("<d", struct.pack("<Q", bits))[0]
    return x if not math.isnan(x) else rng.uniform(-1e10, 1e10)


def random_int(rng):
    r = rng.random()
    if r < 0.2:
        return rng.choice(INTS)
    if r < 0.6:
        return rng.randint(-100, 100)
    return rng.randint(INT64_MIN, INT64_MAX) >> rng.randint(0, 63)


def big_int(rng):
    """An int past 2**53 (often), either sign, ties of float() included."""
    r = rng.random()
    if r < 0.2:
        return rng.choice(BIG_INTS)
    if r < 0.5:  # a tie or a near-tie of float(): 2**k * (odd) + 2**(k-1)
        k = rng.randint(1, 9)
        n = (rng.randint(1 << 52, (1 << 53) - 1) << k) + \
            rng.choice([0, 1 << (k - 1), (1 << (k - 1)) + 1, 1])
        return n if rng.random() < 0.5 else -n
    return rng.randint(INT64_MIN, INT64_MAX) >> rng.randint(0, 10)


def edge_cases():
    ops = []
    for a in SPECIAL:
        for b in SPECIAL:
            ops += [cdiv(a, 1.0, b, 0.5), cdiv(a, b, b, a), cdiv(1.0, a, a, b),
                    fpow(a, b), ffloordiv(a, b), fmod(a, b), hypot(a, b),
                    cabs(a, b), cpow(a, b, 2.0, 0.0), cpow(b, a, 0.5, 0.0)]
            ops += [math2(name, a, b) for name in MATH2]
        ops += [froundint(a), ftoint(a)] + [math1(n, a) for n in MATH1]
        ops += [fround(a, nd) for nd in (-400, -309, -308, -2, -1, 0, 1, 2, 5,
                                         17, 300, 323, 324, 400)]
        ops += [cpowi(a, b, n) for b in (0.0, 1.0, -0.5)
                for n in (-101, -100, -3, -1, 0, 1, 2, 3, 100, 101, 1000)]
    for x in INTS:
        for y in INTS:
            ops += [ifloordiv(x, y), imod(x, y), imul(x, y)]
        ops += [ipow(x, y) for y in (-1, 0, 1, 2, 3, 31, 62, 63, 64, 1000)]
    for x in INTS + BIG_INTS:
        for y in INTS + BIG_INTS:
            ops.append(itruediv(x, y))
        near = [float(x), math.nextafter(float(x), INF),
                math.nextafter(float(x), -INF), float(x) + 0.5,
                float(x) - 0.5, 2.0 ** 63, -2.0 ** 63, 2.0 ** 53, INF, -INF,
                NAN, 0.0, -0.0]
        ops += [icmpf(x, f) for f in near]
    ops += [ipow(-2, 63), ipow(2, 62), ipow(3, 39), ipow(3, 40),
            ipow(-3, 39), ipow(-1, INT64_MAX), ipow(0, INT64_MAX)]
    ops += [cabs(1e308, 1e308), cabs(3.0, 4.0), hypot(1e-310, 3e-310),
            hypot(5e-324, 5e-324), cpow(0.0, 0.0, -1.0, 0.0),
            cpow(0.0, 0.0, 0.0, 1.0), cpow(1e200, 1e200, 2.5, 0.0),
            fround(0.5, 0), fround(1.5, 0), fround(-0.5, 0), fround(0.05, 1),
            fround(1.7976931348623157e308, -308), fround(-2.5, 0)]
    return ops


def random_cases(rng, count):
    ops = []
    f, i = random_float, random_int
    for _ in range(count):
        ops += [cdiv(f(rng), f(rng), f(rng), f(rng)),
                cpow(f(rng), f(rng), f(rng), f(rng)),
                cpow(rng.uniform(-2, 2), rng.uniform(-2, 2),
                     float(rng.randint(-120, 120)), 0.0),
                cpowi(rng.uniform(-2, 2), rng.uniform(-2, 2),
                      rng.randint(-150, 150)),
                cabs(f(rng), f(rng)), cabs(rng.uniform(-4, 4),
                                           rng.uniform(-4, 4)),
                fpow(f(rng), f(rng)), fpow(rng.uniform(0, 10),
                                           rng.uniform(-50, 50)),
                ffloordiv(f(rng), f(rng)), fmod(f(rng), f(rng)),
                hypot(f(rng), f(rng)), hypot(rng.uniform(-4, 4),
                                             rng.uniform(-4, 4)),
                fround(f(rng), rng.randint(-20, 20)),
                fround(rng.uniform(-1000, 1000), rng.randint(-3, 17)),
                froundint(f(rng)), froundint(rng.uniform(-1e6, 1e6)),
                ftoint(f(rng)), ipow(i(rng), rng.randint(-1, 70)),
                ifloordiv(i(rng), i(rng)), imod(i(rng), i(rng)),
                imul(i(rng), i(rng)),
                math1(rng.choice(MATH1), f(rng)),
                math1(rng.choice(MATH1), rng.uniform(-3, 3)),
                math2(rng.choice(MATH2), f(rng), f(rng)),
                math2(rng.choice(MATH2), rng.uniform(-3, 3),
                      rng.uniform(-3, 3))]
        a, b = big_int(rng), big_int(rng)
        ops += [itruediv(a, b), itruediv(a, i(rng) or 7),
                itruediv(i(rng), b), icmpf(a, float(a)),
                icmpf(a, float(b)), icmpf(a, f(rng)),
                icmpf(a, math.nextafter(float(a), rng.choice([INF, -INF])))]
    return ops


def same(want, got):
    """Result lines compare equal; floats by bits, any NaN equal to any."""
    if want == got:
        return True
    w, g = want.split(), got.split()
    if len(w) != len(g) or w[0] != g[0] or w[0] not in "FC":
        return False
    for a, b in zip(w[1:], g[1:]):
        fa, fb = float.fromhex(a), float.fromhex(b)
        if not (math.isnan(fa) and math.isnan(fb)) and \
                struct.pack("<d", fa) != struct.pack("<d", fb):
            return False
    return True


def main():
    program = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    ops = edge_cases() + random_cases(random.Random(20111), count)
    text = "".join(line + "\n" for line, _ in ops)
    run = subprocess.run([program], input=text, capture_output=True,
                         text=True, check=False)
    got = run.stdout.splitlines()
    if run.returncode != 0 or len(got) != len(ops):
        print("pymath_test exited %d after %d of %d lines\n%s" %
              (run.returncode, len(got), len(ops), run.stderr))
        return 1
    bad = [(op, want, g) for (op, want), g in zip(ops, got)
           if not same(want, g)]
    for op, want, g in bad[:25]:
        print("%s\n  python: %s\n  mandelc: %s" % (op, want, g))
    print("%d operations, %d differ from CPython %s" %
          (len(ops), len(bad), sys.version.split()[0]))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
