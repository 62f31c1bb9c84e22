#!/usr/bin/env python3
"""gen_kernels.py - random point kernels, mandelc against CPython.

    python3 tests/gen_kernels.py MANDELC [--count N] [--seed S] [-j N]
        [--args "W MAXITER"] [--keep DIR] [--write-only DIR] [MANDELC OPTS]

writes N seeded random point kernels (kernel i is made from
the seed S*1000003 + i alone, so any one can be remade by itself), runs each
through tests/refdriver.py --int64 (CPython with docs/language.md §5's
64-bit ints) and
through MANDELC, and compares them exactly as run_kernels.py does. Failing
kernels are kept under --keep (default ./random_failures) with the command
lines and the difference, for minimisation. The closing line is
`N passed, N failed`; the exit status is 1 on any failure.

What the kernels contain: int, float, complex and bool variables (each with
one type, set before any use), a list of ints and a list of floats, in
about half the kernels lists of tuples of int/float/complex/bool (items
that are tuples too; displays, `[t] * n`, comprehensions, appends; read by
index, unpacked from items, `for a, b in lt` loops), rows of such tuples
(`pixels[y][x] = (r, g, b)`, rows shared by `[row] * n` too) and rows of
ints or floats (issue 12: they catch a list element laid out wrong); + - *
/ // % on all numeric types, bit operators, unary - ~ not, comparisons and
chains, and/or, if/else expressions, abs, min, max, sum, len, int, float,
complex, round, divmod, append, list comprehensions, tuple swaps,
.real/.imag/.conjugate(), int.bit_length(), float.is_integer(), math
functions (math.isclose with its tolerances); if/elif/else, while
loops with a counter, for loops over range with break/continue, the escape
loop over range(maxiter), early returns, and calls of 0-2 generated helper
functions (each helper calls only earlier ones, so no recursion), whose
trailing parameters may have default values, each call passing some
arguments by keyword (in the parameters' order) and leaving some defaulted
ones out. Module constants computed at compile time (arithmetic, powers,
math functions, complex(), abs, min/max, int/float,
.real/.imag/.conjugate(), earlier constants) and read-only module lists of
ints and floats (indexed, len, sum, looped over) are read by every
function; loops over enumerate(), zip(), enumerate(zip()) with a nested
target (in for loops and in comprehensions), reversed() of lists and
ranges (with steps), ranges with negative steps,
print() of numbers, bools, strings, %-formats, f-strings, str.format()
and str()/repr() (with int and float format specs) with sep=, end= and
flush= at some points,
slices of lists (missing, negative, computed and out-of-range bounds,
negative steps: summed, measured, looped over),
`in` / `not in` on tuple displays and module lists, and a nested def or
named lambda in the kernel that reads the kernel's variables
(docs/language.md).
The kernel takes one of the shapes of docs/language.md §3 (`f(c,
maxiter)`, `f(maxiter, c)`, `mandelbrot(z, max_iter)`, `mandel(x, y,
max_iters)`, `mandel(Re, Im, max_iter)`, `mandel(real, imag,
max_iterations=20)`, `mandel(z)` with the limit fixed inside), and a
quarter of them are wrapped in a list kernel of another shape (the book's
`(maxiter, zs, cs)`, an output argument, `(q, maxiter)`, a chunk) that
calls it once per point; a driver function `calc_pure_python` names the
kernel, as the tutorial's does.

What the generator avoids, because CPython's behaviour there is outside
docs/language.md §4 or would make every point fail the same way:
  * a value whose Python type depends on run-time values (int ** negative
    int is a float; float ** float of a negative base is complex): no **
    except int ** a small non-negative literal on a bounded base, and
    complex ** 2 or 3 on the bounded parameter c;
  * float and complex ** in general, math.exp, math.sin/cos on unbounded
    values and int()/math.floor of a float without clamping: CPython raises
    OverflowError/ValueError for inf and nan there, which would end most
    kernels at their first point; floats are clamped first with
    max(-1e6, min(1e6, x)), which also maps nan to 1e6 by Python's min rule;
  * ints beyond 64 bits: every int expression carries a bound on its
    magnitude, int assignments are wrapped into [-5003, 5003] with %, and an
    operator whose result could pass 2**40 is not generated, except in the
    big-int expressions (big_int_expr, bound 2**62): ints past 2**53 (the
    64-bit extremes among them) meeting floats in / (of two ints), the six
    comparisons in both orders and in chains, == with a complex, float(),
    + - * % // and divmod with floats, ** -1, min/max (under float(): the
    item min returns is an int in CPython), round, int and
    math.floor/ceil/trunc of their quotients. Deliberate
    overflows are generated on purpose in a few kernels (a product past 2**63
    under a condition); there the oracle is --int64 and only
    `FILE:LINE: OverflowError` is compared;
  * division by zero: divisors are built non-zero (`abs(x) + 1.0`,
    `(e % 7 + 1)`), so the errors that happen are deliberate;
  * passing an int where a helper expects a float (Python would keep the
    int inside the helper; mandelc widens it): arguments match exactly;
  * reading a for loop's variable after the loop (unbound for an empty
    range) and variables assigned only in some branches. mandelc raises
    UnboundLocalError there as CPython does (tests/kernels/errors/
    unbound_*.py; the GPU target refuses such reads), but CPython 3.11,
    once a function has run a few times, reports the line of the
    instruction before the read when the two fuse into one (`k = ...`
    then `return esc + k`: STORE_FAST__LOAD_FAST), a line a generated
    kernel could not predict; so none is made.
"""

import argparse
import concurrent.futures
import os
import random
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run_kernels  # noqa: E402  (the shared comparison)

INT_LIMIT = 2 ** 40      # no int expression may exceed this magnitude
# A default value for a parameter of each type (constants, §3).
DEFAULT_LITERALS = {"int": "3", "float": "0.5", "complex": "0.25j"}
WRAP = "% 10007 - 5003"  # int assignments land in [-5003, 5003]
VAR_BOUND = 5003
CLAMP = "max(-1e6, min(1e6, %s))"
# Ints past 2**53, where float(n) rounds, meeting floats: constants around
# 2**53 (odd ones are ties of float()), the 10**17 + 12345678901,
# 2**62 + 1, and the extremes of 64 bits (those never in arithmetic).
BIG_LIMIT = 2 ** 61
BIG_CONSTANTS = [9007199254740993, 9007199254740992, 9007199254740995,
                 -9007199254740993, 18014398509481989, 100000012345678901,
                 -300000000000000007, 2305843009213693953, 123456789012345678]
EXTREME_INTS = ["9223372036854775807", "(-9223372036854775807 - 1)",
                "9223372036854775295", "(-9223372036854775807)"]


class Scope:
    """The variables a function can read, by type; loop variables come and
    go with their loops. Ints carry their bounds."""

    def __init__(self):
        self.vars = {"int": {}, "float": [], "complex": [], "bool": []}
        self.lists = {}  # name -> element type
        # lists of tuples (name -> shape, a tuple of item types, an item
        # that is itself a tuple being a nested tuple), lists of rows of
        # tuples (name -> (shape, rows, cols)) and lists of rows of numbers
        # (name -> (type, rows, cols)); rows and cols are lower bounds
        self.tuple_lists = {}
        self.pixels = {}
        self.grids = {}
        self.iterating = set()  # lists a loop runs over: no appends
        self.loop_depth = 0
        self.ret = "int"         # the function's return type
        self.bounded_c = True    # c is the kernel's point (|c| < 3)


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.lines = []
        # (name, [param types], return type, [param names], {index: default})
        self.helpers = []
        self.fresh = 0
        # module constants: ints with their bounds, floats, complex; and
        # the module lists, name -> (element type, length)
        self.consts = {"int": {}, "float": [], "complex": []}
        self.const_lists = {}

    # ---- helpers -------------------------------------------------------

    def name(self, prefix):
        self.fresh += 1
        return "%s%d" % (prefix, self.fresh)

    def chance(self, p):
        return self.r.random() < p

    def emit(self, indent, text):
        self.lines.append("    " * indent + text)

    # ---- expressions: each returns (code, bound) for ints, code else ----

    def int_expr(self, s, depth):
        r = self.r
        if depth <= 0 or self.chance(0.3):
            return self.int_leaf(s)
        if self.chance(0.03):
            return self.big_int_result(s, depth), 10007
        k = r.randrange(12)
        if k <= 4:
            (a, ab), (b, bb) = self.int_expr(s, depth - 1), self.int_expr(
                s, depth - 1)
            op = r.choice(["+", "-", "*"])
            bound = ab * bb if op == "*" else ab + bb
            if bound > INT_LIMIT:
                op, bound = "-", ab + bb
            return "(%s %s %s)" % (a, op, b), bound
        if k == 5:
            (a, ab), (b, bb) = self.int_expr(s, depth - 1), self.int_expr(
                s, depth - 1)
            sign = r.choice(["", "-"])
            if r.random() < 0.5:
                return "(%s // %s(%s %% 7 + 1))" % (a, sign, b), ab
            return "(%s %% %s(abs(%s) %% 9 + 1))" % (a, sign, b), 9
        if k == 6:
            (a, ab), (b, bb) = self.int_expr(s, depth - 1), self.int_expr(
                s, depth - 1)
            op = r.choice(["&", "|", "^"])
            return "(%s %s %s)" % (a, op, b), 2 * max(ab, bb) + 1
        if k == 7:
            a, ab = self.int_expr(s, depth - 1)
            n = r.randrange(0, 6)
            if r.random() < 0.5 and (ab << n) <= INT_LIMIT:
                return "(%s << %d)" % (a, n), ab << n
            return "(%s >> %d)" % (a, n), ab
        if k == 8:
            a, ab = self.int_expr(s, depth - 1)
            return r.choice(["(-%s)", "(~%s)", "abs(%s)"]) % a, ab + 1
        if k == 9:
            conv = r.choice(["int", "round", "math.floor", "math.ceil"])
            return "%s(%s)" % (conv, CLAMP % self.float_expr(
                s, depth - 1)), 10 ** 6 + 1
        if k == 10:
            (a, ab), (b, bb) = self.int_expr(s, depth - 1), self.int_expr(
                s, depth - 1)
            if r.random() < 0.5:
                return "%s(%s, %s)" % (r.choice(["min", "max"]), a,
                                       b), max(ab, bb)
            test = self.bool_expr(s, depth - 1)
            return "(%s if %s else %s)" % (a, test, b), max(ab, bb)
        return self.int_call_or_list(s, depth)

    def int_leaf(self, s):
        r = self.r
        if self.consts["int"] and r.random() < 0.15:
            name = r.choice(sorted(self.consts["int"]))
            return name, self.consts["int"][name]
        ints = s.vars["int"]
        if ints and r.random() < 0.7:
            name = r.choice(sorted(ints))
            return name, ints[name]
        v = r.choice([0, 1, 2, 3, 5, 7, 10, 13, -1, -4, 100, 255])
        return ("(%d)" % v if v < 0 else str(v)), abs(v)

    def int_call_or_list(self, s, depth):
        r = self.r
        if r.random() < 0.4:
            item = self.aggregate_read(s, "int", depth)
            if item:
                return item
        mlists = sorted(self.const_lists)
        if mlists and r.random() < 0.3:
            name = r.choice(mlists)
            ty, n = self.const_lists[name]
            if ty == "int" and r.random() < 0.3:
                return "sum(%s)" % name, n * 1000
            if ty == "int" and r.random() < 0.3:
                return "sum(%s%s)" % (name, self.slice_text(s)), n * 1000
            if r.random() < 0.3:
                return "len(%s)" % name, n
            i, _ = self.int_expr(s, depth - 1)
            item = "%s[%s %% len(%s)]" % (name, i, name)
            if ty == "float":
                return "int(%s)" % item, 1000
            return item, 1000
        lists = [n for n, t in sorted(s.lists.items()) if t == "int"]
        if lists and r.random() < 0.5:
            name = r.choice(lists)
            if r.random() < 0.2:
                return "sum(%s)" % name, 4 * VAR_BOUND
            if r.random() < 0.2:
                e, _ = self.int_expr(s, depth - 1)
                return "sum([v for v in %s if v > %s])" % (name,
                                                           e), 4 * VAR_BOUND
            if r.random() < 0.2:
                return "len(la)", 10 ** 4
            if r.random() < 0.3:
                return "%s(%s%s)" % (r.choice(["sum", "len"]), name,
                                     self.slice_text(s)), 4 * VAR_BOUND
            if r.random() < 0.5:
                other = r.choice(lists)
                return r.choice([
                    "sum([cv + ci for ci, cv in enumerate(%s)])" % name,
                    "sum([ca - cb for ca, cb in zip(%s, reversed(%s))])" % (
                        name, other),
                    "sum([ci + ca - cb for ci, (ca, cb) in "
                    "enumerate(zip(%s, %s), -2) if ca > cb])" % (name, other),
                    "sum([ca for ca in reversed(%s)])" % name,
                ]), 40 * VAR_BOUND
            i, _ = self.int_expr(s, depth - 1)
            if r.random() < 0.5:
                return "%s[%s %% 4]" % (name, i), VAR_BOUND
            return "%s[-1 - %s %% 4]" % (name, i), VAR_BOUND
        call = self.call(s, "int", depth)
        if call:
            return call, VAR_BOUND
        if r.random() < 0.5:
            a, ab = self.int_expr(s, depth - 1)
            if ab <= 1000:
                return "(%s ** %d)" % (a, r.randrange(0, 4)), max(ab, 1) ** 3
        a, ab = self.int_expr(s, depth - 1)
        if r.random() < 0.1:
            return "(%s).bit_length()" % a, 64
        if "li" in s.lists:
            return "max(%s, len(li))" % a, max(ab, 4)
        return "abs(%s)" % a, ab

    def float_expr(self, s, depth):
        r = self.r
        if depth <= 0 or self.chance(0.25):
            return self.float_leaf(s)
        if self.chance(0.06):
            return self.big_float_expr(s, depth)
        k = r.randrange(12)
        if k <= 3:
            op = r.choice(["+", "-", "*"])
            return "(%s %s %s)" % (self.float_expr(s, depth - 1), op,
                                   self.float_expr(s, depth - 1))
        if k == 4:
            a = self.float_expr(s, depth - 1)
            b = self.int_expr(s, depth - 1)[0]
            op = r.choice(["+", "-", "*"])
            return "(%s %s %s)" % ((a, op, b) if r.random() < 0.5
                                   else (b, op, a))
        if k == 5:
            op = r.choice(["/", "//", "%"])
            return "(%s %s (abs(%s) + 0.5))" % (
                self.float_expr(s, depth - 1), op,
                self.float_expr(s, depth - 1))
        if k == 6:
            return "(%s / (%s %% 5 + 1))" % (self.int_expr(s, depth - 1)[0],
                                             self.int_expr(s, depth - 1)[0])
        if k == 7:
            z = self.complex_expr(s, depth - 1)
            return r.choice(["abs(%s)", "%s.real", "%s.imag",
                             "(%s).conjugate().imag"]) % z
        if k == 8:
            return self.math_call(s, depth)
        if k == 9:
            if r.random() < 0.3:
                return "%s(%s, %s)" % (r.choice(["min", "max"]),
                                       self.float_expr(s, depth - 1),
                                       self.float_leaf(s))
            return r.choice(["(-%s)", "float(%s)", "round(%s, 2)"]) % (
                self.float_expr(s, depth - 1))
        if k == 10:
            test = self.bool_expr(s, depth - 1)
            return "(%s if %s else %s)" % (self.float_expr(s, depth - 1),
                                           test,
                                           self.float_expr(s, depth - 1))
        if r.random() < 0.4:
            item = self.aggregate_read(s, "float", depth)
            if item:
                return item[0]
        lists = [n for n, t in sorted(s.lists.items()) if t == "float"]
        if lists and r.random() < 0.6:
            i = self.int_expr(s, depth - 1)[0]
            return "%s[%s %% 3]" % (r.choice(lists), i)
        return self.call(s, "float", depth) or self.float_leaf(s)

    def float_leaf(self, s):
        r = self.r
        if self.consts["float"] and r.random() < 0.15:
            return r.choice(self.consts["float"])
        flists = [n for n in sorted(self.const_lists)
                  if self.const_lists[n][0] == "float"]
        if flists and r.random() < 0.1:
            name = r.choice(flists)
            return "%s[%d]" % (name, r.randrange(-1, self.const_lists[name][1]))
        if s.vars["float"] and r.random() < 0.6:
            return r.choice(s.vars["float"])
        return r.choice(["c.real", "c.imag", "0.5", "2.0", "1e-3", "0.1",
                         "3.25", "(-1.5)", "1e10", "0.0"])

    def math_call(self, s, depth):
        r = self.r
        a = self.float_expr(s, depth - 1)
        k = r.randrange(8)
        if k == 0:
            return "math.sqrt(abs(%s))" % a
        if k == 1:
            return "math.log(abs(%s) + 1.0)" % a
        if k == 2:
            return "math.%s(%s)" % (r.choice(["sin", "cos", "atan"]),
                                    CLAMP % a)
        if k == 3:
            return "math.exp(min(%s, 50.0))" % a
        if k == 4:
            return "math.atan2(%s, %s)" % (a, self.float_expr(s, depth - 1))
        if k == 5:
            return "math.hypot(%s, %s)" % (a, self.float_expr(s, depth - 1))
        if k == 6:
            return "math.fabs(%s)" % a
        return r.choice(["math.pi", "math.e"])

    def complex_expr(self, s, depth):
        r = self.r
        if depth <= 0 or self.chance(0.25):
            return self.complex_leaf(s)
        k = r.randrange(9)
        if k <= 3:
            op = r.choice(["+", "-", "*"])
            return "(%s %s %s)" % (self.complex_expr(s, depth - 1), op,
                                   self.complex_expr(s, depth - 1))
        if k == 4:
            op = r.choice(["+", "-", "*"])
            a = self.complex_expr(s, depth - 1)
            b = (self.float_expr(s, depth - 1) if r.random() < 0.6
                 else self.int_expr(s, depth - 1)[0])
            return "(%s %s %s)" % ((a, op, b) if r.random() < 0.5
                                   else (b, op, a))
        if k == 5:
            a = self.complex_expr(s, depth - 1)
            w = self.complex_expr(s, depth - 1)
            if r.random() < 0.5:
                return "(%s / (abs(%s) + 1.0))" % (a, w)
            return "(%s / (%s + (abs(%s) + 1.0)))" % (a, w, w)
        if k == 6:
            return "complex(%s, %s)" % (self.float_expr(s, depth - 1),
                                        self.float_expr(s, depth - 1))
        if k == 7:
            if r.random() < 0.5 and s.bounded_c:
                return "(c ** %d)" % r.choice([2, 3])
            return "(%s).conjugate()" % self.complex_expr(s, depth - 1)
        if r.random() < 0.4:
            item = self.aggregate_read(s, "complex", depth)
            if item:
                return item[0]
        return self.call(s, "complex", depth) or self.complex_leaf(s)

    def complex_leaf(self, s):
        r = self.r
        if self.consts["complex"] and r.random() < 0.2:
            return r.choice(self.consts["complex"])
        if s.vars["complex"] and r.random() < 0.6:
            return r.choice(s.vars["complex"])
        return r.choice(["c", "1j", "0j", "(0.5 + 0.25j)", "(-1j)", "2j"])

    def bool_expr(self, s, depth):
        r = self.r
        if depth > 0 and self.chance(0.1):
            return self.big_bool_expr(s, depth)
        k = r.randrange(10)
        if k == 0 and r.random() < 0.5:
            item = self.aggregate_read(s, "bool", depth)
            if item:
                return item[0]
        if k == 0 and s.vars["bool"]:
            return r.choice(s.vars["bool"])
        if k <= 3 or depth <= 0:
            op = r.choice(["<", "<=", ">", ">=", "==", "!="])
            return "(%s %s %s)" % (self.int_expr(s, depth - 1)[0], op,
                                   self.int_expr(s, depth - 1)[0])
        if k <= 6 and r.random() < 0.1:
            return "(%s).is_integer()" % self.float_expr(s, depth - 1)
        if k <= 6 and r.random() < 0.1 and s.vars["float"]:
            return "math.isclose(%s, %s%s)" % (
                r.choice(s.vars["float"]), self.float_leaf(s), r.choice(
                    ["", ", rel_tol=0.5", ", abs_tol=1e-3",
                     ", rel_tol=0.0, abs_tol=2"]))
        if k <= 6:
            op = r.choice(["<", "<=", ">", ">="])
            a = self.float_expr(s, depth - 1)
            b = (self.float_expr(s, depth - 1) if r.random() < 0.7
                 else self.int_expr(s, depth - 1)[0])
            if r.random() < 0.2:
                return "(%s %s %s < %s)" % (a, op, b,
                                            self.float_expr(s, depth - 1))
            return "(%s %s %s)" % (a, op, b)
        if k == 7 and self.chance(0.3) and s.vars["int"]:
            items = [str(r.randrange(-5, 9)) for _ in range(r.randint(0, 4))]
            display = "(%s)" % (", ".join(items) + ("," if len(items) == 1
                                                    else ""))
            return "(%s %s %s)" % (r.choice(sorted(s.vars["int"])),
                                   r.choice(["in", "not in"]),
                                   r.choice(sorted(self.const_lists) +
                                            [display]))
        if k == 7:
            return "(not %s)" % self.bool_expr(s, depth - 1)
        if k == 8:
            return "(%s %s %s)" % (self.bool_expr(s, depth - 1),
                                   r.choice(["and", "or"]),
                                   self.bool_expr(s, depth - 1))
        return "(%s %s %s)" % (self.complex_expr(s, depth - 1),
                               r.choice(["==", "!="]),
                               self.complex_expr(s, depth - 1))

    # ---- ints past 2**53 meeting floats ----------------------------------

    def big_int_expr(self, s, depth):
        """(code, bound) of an int that is mostly past 2**53; the bound
        stays under 2**62, so + - of two and abs() + 1 never overflow."""
        r = self.r
        k = r.randrange(6)
        if depth <= 0 or k == 0:
            v = r.choice(BIG_CONSTANTS)
            return ("(%d)" % v if v < 0 else str(v)), abs(v)
        if k == 1:  # a big constant moved by a bounded int
            a, ab = self.int_expr(s, depth - 1)
            mult = min(r.choice([1, 2, 1000003, 10 ** 12 + 39]),
                       BIG_LIMIT // max(ab, 1))
            v = r.choice(BIG_CONSTANTS)
            return "(%d + %s * %d)" % (v, a, mult), abs(v) + ab * mult
        if k == 2:  # the (n + 1) * 10 ** 17 + 12345678901
            a, _ = self.int_expr(s, depth - 1)
            return "((%s %% 23 + 1) * 10 ** 17 + 12345678901)" % a, \
                23 * 10 ** 17 + 12345678901
        if k == 3:
            a, ab = self.big_int_expr(s, depth - 1)
            return r.choice(["(-%s)", "abs(%s)"]) % a, ab
        if k == 4:
            (a, ab), (b, bb) = self.big_int_expr(s, depth - 1), \
                self.int_expr(s, depth - 1)
            op = r.choice(["+", "-"])
            return "(%s %s %s)" % (a, op, b), ab + bb
        (a, ab), (b, bb) = self.big_int_expr(s, depth - 1), \
            self.big_int_expr(s, depth - 1)
        if r.random() < 0.5:
            return "%s(%s, %s)" % (r.choice(["min", "max"]), a, b), \
                max(ab, bb)
        return "(%s // (%s %% 7 + 1))" % (a, self.int_expr(s, 0)[0]), ab

    def big_operand(self, s, depth):
        """A big int, or where no arithmetic follows, a 64-bit extreme."""
        if self.chance(0.15):
            return self.r.choice(EXTREME_INTS)
        return self.big_int_expr(s, depth)[0]

    def big_float_expr(self, s, depth):
        """A float made where a big int meets a float (or another int)."""
        r = self.r
        b = self.big_operand(s, depth - 1)
        k = r.randrange(12)
        if k == 0:
            return "(%s / %s(%s %% 7 + 1))" % (b, r.choice(["", "-"]),
                                              self.int_expr(s, depth - 1)[0])
        if k == 1:
            return "(%s / (abs(%s) + 1))" % (
                r.choice([self.int_expr(s, depth - 1)[0], b]),
                self.big_int_expr(s, depth - 1)[0])
        if k == 2:
            return "float(%s)" % b
        if k == 3:
            op = r.choice(["+", "-", "*"])
            f = self.float_expr(s, depth - 1)
            return "(%s %s %s)" % ((b, op, f) if r.random() < 0.5
                                   else (f, op, b))
        if k == 4:
            return "(%s %s (abs(%s) + 0.5))" % (b, r.choice(["%", "//"]),
                                               self.float_expr(s, depth - 1))
        if k == 5:
            return "(%s %s %s)" % (r.choice(["1e19", "(-2.5e18)", "7.25"]),
                                   r.choice(["%", "//", "/"]),
                                   "(abs(%s) + 1)" % self.big_int_expr(
                                       s, depth - 1)[0])
        if k == 6:
            return "divmod(%s, %s(abs(%s) + 0.5))[%d]" % (
                b, r.choice(["", "-"]), self.float_expr(s, depth - 1),
                r.randrange(2))
        if k == 7:
            return "(%s ** -%d)" % (self.big_int_expr(s, depth - 1)[0],
                                    r.choice([1, 2]))
        if k == 8:
            f = self.float_expr(s, depth - 1)
            return "float(%s(%s, %s))" % (r.choice(["min", "max"]),
                                          *((b, f) if r.random() < 0.5
                                            else (f, b)))
        if k == 9:
            return "(%s / %s)" % (self.big_int_expr(s, depth - 1)[0],
                                  r.choice(["7", "(-3)", "10", "4"]))
        if k == 10:
            return "(%s / 7 %% 1000.0 * 16.0)" % self.big_int_expr(
                s, depth - 1)[0]
        return "complex(%s, %s).real" % (b, self.float_expr(s, depth - 1))

    def big_int_result(self, s, depth):
        """An int of at most 10007 from a big int meeting a float."""
        r = self.r
        b = self.big_int_expr(s, depth - 1)[0]
        conv = r.choice(["round", "int", "math.floor", "math.ceil",
                         "math.trunc"])
        arg = r.choice(["%s / %s" % (b, r.choice(["7", "(-3)", "1000003"])),
                        "float(%s)" % b, "%s / 7.0" % b,
                        "%s / (abs(%s) + 1.0)" % (b, self.float_expr(
                            s, depth - 1))])
        return "(%s(%s) %% 10007)" % (conv, arg)

    def big_bool_expr(self, s, depth):
        """An int past 2**53 compared with a float or a complex, exactly."""
        r = self.r
        op = r.choice(["<", "<=", ">", ">=", "==", "!="])
        k = r.randrange(7)
        if k <= 1:  # against its own float() and its neighbours
            a, ab = self.big_int_expr(s, depth - 1)
            f = r.choice(["float(%s)" % a, "float(%s + 1)" % a,
                          "float(%s - 2)" % a, "(float(%s) + 2.0)" % a])
            return "(%s %s %s)" % ((a, op, f) if k == 0 else (f, op, a))
        b = self.big_operand(s, depth - 1)
        if k == 2:
            f = self.float_expr(s, depth - 1)
            return "(%s %s %s)" % ((b, op, f) if r.random() < 0.5
                                   else (f, op, b))
        if k == 3:  # a chain with the int in the middle or at an end
            a, _ = self.big_int_expr(s, depth - 1)
            op2 = r.choice(["<", "<=", "==", ">="])
            return r.choice(["(float(%s) %s %s %s %s)" % (a, op, a, op2,
                                                          self.float_expr(
                                                              s, depth - 1)),
                             "(%s %s float(%s) %s %s)" % (a, op, a, op2, a)])
        if k == 4:
            z = r.choice(["complex(float(%s), 0.0)" % b,
                          self.complex_expr(s, depth - 1)])
            eq = r.choice(["==", "!="])
            return "(%s %s %s)" % ((b, eq, z) if r.random() < 0.5
                                   else (z, eq, b))
        if k == 5:  # the exact quotient against the floor quotient
            a, _ = self.big_int_expr(s, depth - 1)
            d = r.choice(["7", "3", "(-7)", "1000003"])
            return "(%s / %s %s %s // %s)" % (a, d, op, a, d)
        return "(%s %s %s)" % (b, op, r.choice(
            ["9.223372036854776e18", "(-9.223372036854776e18)",
             "9007199254740992.0", "9007199254740994.0", "math.inf",
             "(-math.inf)", "math.nan"]))

    def expr(self, s, ty, depth):
        if ty == "int":
            return self.int_expr(s, depth)[0]
        return getattr(self, ty + "_expr")(s, depth)

    def call(self, s, ty, depth):
        """A call of a helper returning ty, or None."""
        fits = [h for h in self.helpers if h[2] == ty]
        if not fits or depth <= 0:
            return None
        name, params, _, names, defaults = self.r.choice(fits)
        # The first `split` arguments by position, the rest by keyword (in
        # the parameters' order: mandelc wants names or constants out of
        # order, §3) or, where the parameter has a default, left out.
        r = self.r
        split = len(params) if r.random() < 0.6 else r.randint(1,
                                                               len(params))
        args = [self.expr(s, p, depth - 1) for p in params[:split]]
        for i in range(split, len(params)):
            if i in defaults and r.random() < 0.5:
                continue
            args.append("%s=%s" % (names[i], self.expr(s, params[i],
                                                        depth - 1)))
        return "%s(%s)" % (name, ", ".join(args))

    # ---- statements ------------------------------------------------------

    def assign(self, s, indent):
        r = self.r
        k = r.randrange(10)
        targets = sorted(v for v in s.vars["int"] if not v.startswith("k"))
        if k <= 3 and targets:
            name = r.choice(targets)
            e = self.int_expr(s, 3)[0]
            if r.random() < 0.3:
                self.emit(indent, "%s += %s" % (name, e))
                self.emit(indent, "%s = %s %s" % (name, name, WRAP))
            else:
                self.emit(indent, "%s = (%s) %s" % (name, e, WRAP))
        elif k <= 5 and s.vars["float"]:
            name = r.choice(s.vars["float"])
            op = r.choice(["=", "=", "+=", "-=", "*="])
            self.emit(indent, "%s %s %s" % (name, op, self.float_expr(s, 3)))
        elif k <= 7 and s.vars["complex"]:
            name = r.choice(s.vars["complex"])
            op = r.choice(["=", "=", "+=", "*="])
            self.emit(indent, "%s %s %s" % (name, op,
                                            self.complex_expr(s, 3)))
        elif k == 8 and s.lists:
            name = r.choice(["li", "lf"])
            if s.lists[name] == "int":
                self.emit(indent, "%s[%s %% 4] = (%s) %s" % (
                    name, self.int_expr(s, 2)[0], self.int_expr(s, 3)[0],
                    WRAP))
            else:
                self.emit(indent, "%s[-1 - %s %% 3] = %s" % (
                    name, self.int_expr(s, 2)[0], self.float_expr(s, 3)))
        elif s.vars["bool"]:
            self.emit(indent, "%s = %s" % (r.choice(s.vars["bool"]),
                                          self.bool_expr(s, 2)))
        else:
            self.emit(indent, "pass")

    def block(self, s, indent, n, depth):
        for _ in range(n):
            self.statement(s, indent, depth)

    def statement(self, s, indent, depth):
        r = self.r
        if self.has_aggregates(s) and self.chance(0.15):
            self.aggregate_statement(s, indent, depth)
            return
        if self.chance(0.03):
            self.print_statement(s, indent)
            return
        k = r.randrange(10)
        if depth <= 0 or k <= 4:
            self.assign(s, indent)
        elif k == 5:
            self.emit(indent, "if %s:" % self.bool_expr(s, 2))
            self.block(s, indent + 1, r.randint(1, 3), depth - 1)
            if r.random() < 0.3:
                self.emit(indent, "elif %s:" % self.bool_expr(s, 2))
                self.block(s, indent + 1, r.randint(1, 2), depth - 1)
            if r.random() < 0.5:
                self.emit(indent, "else:")
                self.block(s, indent + 1, r.randint(1, 2), depth - 1)
        elif k == 6:
            self.for_loop(s, indent, depth)
        elif k == 7:
            self.while_loop(s, indent, depth)
        elif k == 8 and self.chance(0.4):
            self.tuple_statement(s, indent)
        elif k == 8 and s.loop_depth:
            self.emit(indent, "if %s:" % self.bool_expr(s, 2))
            self.emit(indent + 1, r.choice(["break", "continue"]))
        else:
            self.emit(indent, "if %s:" % self.bool_expr(s, 2))
            self.emit(indent + 1, "return %s" % self.expr(s, s.ret, 3))

    def print_statement(self, s, indent):
        """print() of a few values (numbers of every type, bools, strings,
        a %-format, an expression) with sep=/end=/flush= keywords, at
        about one point in 17."""
        r = self.r
        values = []
        for _ in range(r.randint(0, 4)):
            k = r.randrange(9)
            if k == 0:
                values.append(self.int_leaf(s)[0])
            elif k == 1:
                values.append(self.float_leaf(s))
            elif k == 2:
                values.append(self.complex_leaf(s))
            elif k == 3:
                values.append(self.bool_expr(s, 1))
            elif k == 4:
                values.append(r.choice(['"x"', '""', '"a b"', '"%"']))
            elif k == 5:
                values.append('"%%5.2f|%%d" %% (%s, %s)' % (
                    self.float_leaf(s), self.int_leaf(s)[0]))
            elif k >= 6 and r.random() < 0.8:
                values.append(self.formatted(s))
            else:
                values.append(self.int_expr(s, 2)[0])
        kw = []
        if r.random() < 0.7:
            kw.append("sep=%s" % r.choice(['""', '", "', '"\\t"', '"%%"',
                                            '" "', "None", '"--\\n"']))
        if r.random() < 0.7:
            kw.append("end=%s" % r.choice(['""', '"\\n"', '";\\n"', '" "',
                                            "None", '"%"']))
        if r.random() < 0.2:
            kw.append("flush=True")
        r.shuffle(kw)
        self.emit(indent, "if (%s) %% 17 == 0:" % self.int_leaf(s)[0])
        self.emit(indent + 1, "print(%s)" % ", ".join(values + kw))

    def formatted(self, s):
        """An f-string, a str.format() or str()/repr() of a value: fields
        of every number type with the int and float format specs that
        docs/language.md §4.3 lists."""
        r = self.r
        int_specs = ["", ":5", ":<4", ":+d", ":05d", ":x", ":#o", ":X",
                     ":>6", ":.2f", ":e", ":0=7", ":#x", ":G", "!r"]
        float_specs = ["", ":.3f", ":10.2e", ":g", ":+.4G", ":<12", ":08.2f",
                       ":F", ":#.0f", ":>9", ":.12g", ":E", "!r", "!s"]
        fields = []
        for _ in range(r.randint(1, 3)):
            k = r.randrange(4)
            if k == 0:
                fields.append((self.int_leaf(s)[0], r.choice(int_specs)))
            elif k == 1:
                fields.append((self.float_leaf(s), r.choice(float_specs)))
            elif k == 2:
                fields.append((self.complex_leaf(s), r.choice(["", "!r"])))
            else:
                fields.append((self.bool_expr(s, 1),
                               r.choice(["", ":d", ":3", "!r"])))
        texts = [r.choice(["", "a", " = ", "{{", "}}|", "%"])
                 for _ in range(len(fields) + 1)]
        k = r.randrange(4)
        if k == 0:
            return "f'%s'" % ("".join(
                texts[i] + "{%s%s}" % (v, sp) for i, (v, sp) in
                enumerate(fields)) + texts[-1])
        if k == 1:
            body = "".join(texts[i] + "{%s}" % sp for i, (v, sp) in
                           enumerate(fields)) + texts[-1]
            return "%r.format(%s)" % (body, ", ".join(v for v, _ in fields))
        if k == 2 and s.vars["int"]:
            return "f'{%s=}'" % r.choice(sorted(s.vars["int"]))
        return "%s(%s)" % (r.choice(["str", "repr"]), fields[0][0])

    def tuple_statement(self, s, indent):
        """A swap, a divmod unpacked into two ints, or an append."""
        r = self.r
        ints = sorted(v for v in s.vars["int"] if not v.startswith("k")
                      and v != "n")
        k = r.randrange(3)
        if k == 0 and len(ints) >= 2:
            a, b = r.sample(ints, 2)
            self.emit(indent, "%s, %s = %s, %s" % (a, b, b, a))
        elif k == 0 and len(s.vars["float"]) >= 2:
            a, b = r.sample(s.vars["float"], 2)
            self.emit(indent, "%s, %s = %s, %s" % (a, b, b, a))
        elif k == 1 and len(ints) >= 2:
            a, b = r.sample(ints, 2)
            self.emit(indent, "%s, %s = divmod(%s, -(%s %% 7 + 1))" % (
                a, b, self.int_expr(s, 2)[0], self.int_expr(s, 2)[0]))
        elif "la" in s.lists:
            self.emit(indent, "la.append((%s) %s)" % (self.int_expr(s, 2)[0],
                                                     WRAP))
        else:
            self.assign(s, indent)

    def slice_text(self, s):
        """`[lo:hi:st]`: bounds missing, constant, negative, past the
        end or computed (from the int variables), a constant step."""
        r = self.r

        def bound():
            k = r.randrange(4)
            if k == 0:
                return ""
            if k == 1:
                return str(r.randint(-9, 9))
            ints = sorted(s.vars["int"])
            if k == 2 and ints:
                return "%s %% 11 - 5" % r.choice(ints)
            return str(r.choice([-100, 100, 0, -1]))
        step = r.choice(["", "", ":2", ":-1", ":-2", ":3", ":1"])
        return "[%s:%s%s]" % (bound(), bound(), step)

    def sequence_loop(self, s, var):
        """The header and the value variables (name, type) of a loop over
        enumerate(), zip() or reversed() of the lists that never grow."""
        r = self.r
        lists = [n for n, t in sorted(s.lists.items()) if t in ("int",
                                                                "float")]
        lists += sorted(self.const_lists)
        kind = lambda n: s.lists.get(n) or self.const_lists[n][0]
        k = r.randrange(4)
        a, b = r.choice(lists), r.choice(lists)
        va, vb = var + "a", var + "b"
        if k == 0:
            start = r.choice(["", ", 1", ", -3"])
            return ("for %s, %s in enumerate(%s%s):" % (var, va, a, start),
                    [(va, kind(a))])
        if k == 1:
            return ("for %s, %s in zip(%s, %s):" % (va, vb, a, b),
                    [(va, kind(a)), (vb, kind(b))])
        if k == 2:
            return ("for %s, (%s, %s) in enumerate(zip(%s, %s)):" % (
                var, va, vb, a, b), [(va, kind(a)), (vb, kind(b))])
        if r.random() < 0.5:
            return "for %s in %s%s:" % (va, a, self.slice_text(s)), [
                (va, kind(a))]
        return "for %s in reversed(%s):" % (va, a), [(va, kind(a))]

    def for_loop(self, s, indent, depth):
        r = self.r
        var = self.name("k")
        n = r.randint(0, 6)
        values = []
        if r.random() < 0.25 and (self.const_lists or "li" in s.lists):
            header, values = self.sequence_loop(s, var)
        elif r.random() < 0.5:
            header = "for %s in %s:" % (var, r.choice([
                "range(%d)" % n, "reversed(range(%d))" % n,
                "range(%d, -3, -2)" % n, "reversed(range(%d, -3, -2))" % n,
                "reversed(range(1, %d, 3))" % n]))
        else:
            header = "for %s in range(%s %% 5, %d):" % (
                var, self.int_expr(s, 2)[0], n)
        self.emit(indent, header)
        bound = header.startswith(("for %s," % var, "for %s in" % var))
        if bound:
            s.vars["int"][var] = 6
        for name, ty in values:
            if ty == "int":
                s.vars["int"][name] = VAR_BOUND
            else:
                s.vars["float"].append(name)
        s.loop_depth += 1
        self.block(s, indent + 1, r.randint(1, 3), depth - 1)
        s.loop_depth -= 1
        if bound:
            del s.vars["int"][var]
        for name, ty in values:
            if ty == "int":
                del s.vars["int"][name]
            else:
                s.vars["float"].remove(name)
        if r.random() < 0.2:
            self.emit(indent, "else:")
            self.assign(s, indent + 1)

    def while_loop(self, s, indent, depth):
        r = self.r
        var = self.name("w")
        self.emit(indent, "%s = 0" % var)
        self.emit(indent, "while %s < %d:" % (var, r.randint(1, 5)))
        self.emit(indent + 1, "%s += 1" % var)
        s.loop_depth += 1
        self.block(s, indent + 1, r.randint(1, 3), depth - 1)
        s.loop_depth -= 1

    # ---- lists of tuples and nested lists (issue 12) ---------------------
    #
    # A list's items may be tuples of int, float, complex and bool (an item
    # may be a tuple itself), laid out by compiler/layout.c; lists nest
    # (rows of tuples, rows of numbers, rows shared by `[row] * n`). Made
    # by displays, `[t] * n`, comprehensions and appends; read by index
    # (`lt[i % len(lt)][1]`, `lp[y % 2][x % 3][0]`), unpacked from an item
    # (`a, (b, z) = lt[k]`, `for ka, kb in lt:`), stored and appended to.
    # Indices are reduced modulo a length the list never goes below, so
    # no IndexError is made; ints in items are wrapped like assignments.

    SCALARS = ("int", "float", "complex", "bool")

    def shape(self, nested=True):
        r = self.r
        return tuple(self.shape(False) if nested and r.random() < 0.15
                     else r.choice(self.SCALARS)
                     for _ in range(r.randint(2, 3)))

    def item_value(self, s, ty, depth):
        if isinstance(ty, tuple):
            return "(%s)" % ", ".join(self.item_value(s, t, depth)
                                      for t in ty)
        if ty == "int":
            return "(%s) %s" % (self.int_expr(s, depth)[0], WRAP)
        if ty == "bool":
            return self.bool_expr(s, depth)
        return self.expr(s, ty, depth)

    def has_aggregates(self, s):
        return bool(s.tuple_lists or s.pixels or s.grids)

    def declare_aggregates(self, s, indent):
        """Lists of tuples in about half the kernels (the GPU target
        refuses them, so the others still run on the shim), rows of
        numbers in about a third."""
        r = self.r
        if r.random() < 0.5:
            for _ in range(r.randint(1, 2)):
                self.declare_tuple_list(s, indent)
            if r.random() < 0.5:
                self.declare_pixels(s, indent)
        if r.random() < 0.35:
            self.declare_grid(s, indent)

    def declare_tuple_list(self, s, indent):
        r = self.r
        name, shape, n = self.name("lt"), self.shape(), r.randint(1, 4)
        k = r.randrange(4)
        if k == 0:
            self.emit(indent, "%s = [%s]" % (name, ", ".join(
                self.item_value(s, shape, 1) for _ in range(n))))
        elif k == 1:
            self.emit(indent, "%s = [%s] * %d" % (
                name, self.item_value(s, shape, 1), n))
        elif k == 2:
            var = self.name("k")
            s.vars["int"][var] = n
            item = self.item_value(s, shape, 1)
            del s.vars["int"][var]
            self.emit(indent, "%s = [%s for %s in range(%d)]" % (
                name, item, var, n))
        else:
            var = self.name("k")
            self.emit(indent, "%s = []" % name)
            self.emit(indent, "for %s in range(%d):" % (var, n))
            s.vars["int"][var] = n
            self.emit(indent + 1, "%s.append(%s)" % (
                name, self.item_value(s, shape, 1)))
            del s.vars["int"][var]
        s.tuple_lists[name] = shape

    def declare_pixels(self, s, indent):
        """Numba's `[[(0, 0, 0) for j in range(w)] for i in range(w)]`."""
        r = self.r
        name, shape = self.name("lp"), self.shape()
        rows, cols = r.randint(1, 3), r.randint(1, 4)
        item = self.item_value(s, shape, 0)
        k = r.randrange(3)
        if k == 0:
            a, b = self.name("k"), self.name("k")
            init = "[[%s for %s in range(%d)] for %s in range(%d)]" % (
                item, a, cols, b, rows)
        elif k == 1:
            init = "[[%s] * %d for %s in range(%d)]" % (
                item, cols, self.name("k"), rows)
        else:  # one row shared rows times, as in Python
            init = "[[%s] * %d] * %d" % (item, cols, rows)
        self.emit(indent, "%s = %s" % (name, init))
        s.pixels[name] = (shape, rows, cols)

    def declare_grid(self, s, indent):
        r = self.r
        name, ty = self.name("lg"), r.choice(["int", "float"])
        rows, cols = r.randint(1, 3), r.randint(1, 3)
        k = r.randrange(3)
        if k == 0:
            a, b = self.name("k"), self.name("k")
            s.vars["int"][a] = cols
            init = "[[%s for %s in range(%d)] for %s in range(%d)]" % (
                self.item_value(s, ty, 1), a, cols, b, rows)
            del s.vars["int"][a]
        elif k == 1:
            init = "[[%s] * %d] * %d" % (self.item_value(s, ty, 1), cols,
                                         rows)
        else:
            init = "[%s]" % ", ".join(
                "[%s]" % ", ".join(self.item_value(s, ty, 0)
                                   for _ in range(cols))
                for _ in range(rows))
        self.emit(indent, "%s = %s" % (name, init))
        s.grids[name] = (ty, rows, cols)

    @staticmethod
    def paths(shape, ty):
        """The index paths to the items of type ty in a tuple shape."""
        out = []
        for i, t in enumerate(shape):
            if isinstance(t, tuple):
                out += [[i] + p for p in Gen.paths(t, ty)]
            elif t == ty:
                out.append([i])
        return out

    def list_index(self, s, name, depth):
        i = self.int_expr(s, depth - 1)[0]
        if self.r.random() < 0.7:
            return "%s[%s %% len(%s)]" % (name, i, name)
        return "%s[-1 - %s %% len(%s)]" % (name, i, name)

    def row_index(self, s, name, rows, cols, depth):
        return "%s[%s %% %d][%s %% %d]" % (
            name, self.int_expr(s, depth - 1)[0], rows,
            self.int_expr(s, depth - 1)[0], cols)

    def aggregate_read(self, s, ty, depth):
        """(code, bound) of a value of type ty read from a list of tuples
        or a nested list, or None when there is none."""
        r = self.r
        if depth <= 0:
            return None
        cands = [(n, None, p) for n, shape in sorted(s.tuple_lists.items())
                 for p in self.paths(shape, ty)]
        cands += [(n, d[1:], p) for n, d in sorted(s.pixels.items())
                  for p in self.paths(d[0], ty)]
        cands += [(n, d[1:], []) for n, d in sorted(s.grids.items())
                  if d[0] == ty]
        if ty == "int" and self.has_aggregates(s) and r.random() < 0.2:
            names = sorted(s.tuple_lists) + sorted(s.pixels)
            names += sorted(s.grids)
            name = r.choice(names)
            if name in s.tuple_lists or r.random() < 0.5:
                return "len(%s)" % name, 10 ** 4
            rows = (s.pixels.get(name) or s.grids[name])[1]
            return "len(%s[%s %% %d])" % (
                name, self.int_expr(s, depth - 1)[0], rows), 10 ** 4
        if not cands:
            return None
        name, dims, path = r.choice(cands)
        if dims is None and len(path) == 1 and r.random() < 0.15:
            # a comprehension over the list, reading one item of each
            t = self.name("k")
            fn = {"int": r.choice(["min", "max"]), "float": "sum"}.get(ty)
            if fn:
                return "%s([%s[%d] for %s in %s])" % (
                    fn, t, path[0], t, name), VAR_BOUND
        if dims is None:
            code = self.list_index(s, name, depth)
        else:
            code = self.row_index(s, name, dims[0], dims[1], depth)
        return code + "".join("[%d]" % i for i in path), VAR_BOUND

    def unpack_target(self, s, shape, used):
        """A target for unpacking a tuple of this shape into distinct
        variables of the kernel (loop variables excluded), or None."""
        parts = []
        for t in shape:
            if isinstance(t, tuple):
                sub = self.unpack_target(s, t, used)
                if sub is None:
                    return None
                parts.append("(%s)" % sub)
                continue
            if t == "int":
                names = [v for v in sorted(s.vars["int"])
                         if not v.startswith("k") and v != "n"]
            else:
                names = [v for v in s.vars[t] if not v.startswith("k")]
            names = [v for v in names if v not in used]
            if not names:
                return None
            v = self.r.choice(names)
            used.add(v)
            parts.append(v)
        return ", ".join(parts)

    def aggregate_statement(self, s, indent, depth):
        """A store, an append, an unpacking, or a loop over a list of
        tuples or a nested list."""
        r = self.r
        names = sorted(s.tuple_lists) + sorted(s.pixels) + sorted(s.grids)
        name = r.choice(names)
        k = r.randrange(5)
        if name in s.grids:
            ty, rows, cols = s.grids[name]
            if k == 0 and name not in s.iterating:
                self.emit(indent, "%s[%s %% %d].append(%s)" % (
                    name, self.int_expr(s, 2)[0], rows,
                    self.item_value(s, ty, 2)))
            elif k == 1 and name not in s.iterating:
                self.emit(indent, "%s.append([%s] * %d)" % (
                    name, self.item_value(s, ty, 2), cols))
            elif k == 2 and depth > 0:
                row = "%s[%s %% %d]" % (name, self.int_expr(s, 2)[0], rows)
                self.loop_over(s, indent, depth, name, row, ty)
            else:
                self.emit(indent, "%s = %s" % (
                    self.row_index(s, name, rows, cols, 2),
                    self.item_value(s, ty, 2)))
            return
        if name in s.pixels:
            shape, rows, cols = s.pixels[name]
            if k <= 1:  # the Numba kernel's pixels[y][x] = (r, g, b)
                self.emit(indent, "%s = %s" % (
                    self.row_index(s, name, rows, cols, 2),
                    self.item_value(s, shape, 2)))
                return
            item = self.row_index(s, name, rows, cols, 2)
        else:
            shape = s.tuple_lists[name]
            if k == 0:
                self.emit(indent, "%s = %s" % (self.list_index(s, name, 2),
                                               self.item_value(s, shape, 2)))
                return
            if k == 1 and name not in s.iterating:
                self.emit(indent, "%s.append(%s)" % (
                    name, self.item_value(s, shape, 2)))
                return
            item = self.list_index(s, name, 2)
        if k == 2 and depth > 0:
            if name in s.pixels:
                row = "%s[%s %% %d]" % (name, self.int_expr(s, 2)[0],
                                        s.pixels[name][1])
                self.loop_over(s, indent, depth, name, row, shape)
            else:
                self.loop_over(s, indent, depth, name, name, shape)
            return
        target = self.unpack_target(s, shape, set())
        if target is None:
            self.assign(s, indent)
        elif r.random() < 0.3:  # through a variable of the tuple's type
            t = self.name("tv")
            self.emit(indent, "%s = %s" % (t, item))
            self.emit(indent, "%s = %s" % (target, t))
        else:
            self.emit(indent, "%s = %s" % (target, item))

    def loop_over(self, s, indent, depth, name, iterable, ty):
        """`for ka, kb in lt:` (the items unpacked into fresh loop
        variables), or `for kv in row:`; no append to `name` inside."""
        made = []

        def target(t):
            if isinstance(t, tuple):
                return "(%s)" % ", ".join(target(u) for u in t)
            v = self.name("k")
            made.append((t, v))
            return v

        tgt = target(ty)
        if tgt.startswith("("):
            tgt = tgt[1:-1]
        self.emit(indent, "for %s in %s:" % (tgt, iterable))
        for t, v in made:
            if t == "int":
                s.vars["int"][v] = VAR_BOUND
            else:
                s.vars[t].append(v)
        was_iterating = name in s.iterating
        s.iterating.add(name)
        s.loop_depth += 1
        self.block(s, indent + 1, self.r.randint(1, 3), depth - 1)
        s.loop_depth -= 1
        if not was_iterating:
            s.iterating.discard(name)
        for t, v in made:
            if t == "int":
                del s.vars["int"][v]
            else:
                s.vars[t].remove(v)

    # ---- functions -------------------------------------------------------

    def declare(self, s, indent, ty, name, init):
        self.emit(indent, "%s = %s" % (name, init))
        if ty == "int":
            s.vars["int"][name] = VAR_BOUND
        else:
            s.vars[ty].append(name)

    def helper(self, index):
        r = self.r
        name = "h%d" % index
        # The first parameter is always a complex named c, so the leaves
        # that read c work in helpers too.
        params = ["complex"] + [r.choice(["int", "float", "complex"])
                                for _ in range(r.randint(0, 2))]
        ret = r.choice(["int", "float", "complex"])
        s = Scope()
        s.ret = ret
        s.bounded_c = False
        names = ["c"] + ["p%d" % i for i in range(1, len(params))]
        # trailing parameters may have constant defaults (§3: calls may
        # leave them out or pass them by keyword)
        defaults = {}
        for i in range(len(params) - 1, 0, -1):
            if r.random() < 0.4:
                break
            defaults[i] = DEFAULT_LITERALS[params[i]]
        self.emit(0, "def %s(%s):" % (name, ", ".join(
            n + ("=" + defaults[i] if i in defaults else "")
            for i, n in enumerate(names))))
        for p, ty in zip(names, params):
            if ty == "int":
                self.emit(1, "%s = %s %s" % (p, p, WRAP))
                s.vars["int"][p] = VAR_BOUND
            else:
                s.vars[ty].append(p)
        self.declare(s, 1, "float", "t0", "0.25")
        if self.chance(0.2):
            self.declare_aggregates(s, 1)
        self.block(s, 1, r.randint(1, 4), 1)
        if ret == "int":
            self.emit(1, "return (%s) %s" % (self.int_expr(s, 3)[0], WRAP))
        else:
            self.emit(1, "return %s" % self.expr(s, ret, 3))
        self.emit(0, "")
        self.emit(0, "")
        self.helpers.append((name, params, ret, names, defaults))

    def kernel(self):
        r = self.r
        s = Scope()
        self.kernel_shape = (r.choice(KERNEL_SHAPES) if self.chance(0.5)
                             else KERNEL_SHAPES[0])
        for line in self.kernel_shape[0]:
            self.emit(0 if line.startswith("def") else 1, line)
        self.declare(s, 1, "int", "i0", "int(c.real * 10)")
        self.declare(s, 1, "int", "i1", "int(c.imag * 100) % 7")
        self.declare(s, 1, "float", "f0", "c.real")
        self.declare(s, 1, "float", "f1", "c.imag * 0.5")
        self.declare(s, 1, "complex", "z0", "0j")
        self.declare(s, 1, "complex", "z1", "c")
        self.declare(s, 1, "bool", "b0", "c.imag > 0.0")
        self.emit(1, "li = [i0, i1, 3, -2]")
        self.emit(1, "lf = [0.5] * 3")
        self.emit(1, "la = [i1]")
        s.lists = {"li": "int", "lf": "float", "la": "append-only"}
        self.declare_aggregates(s, 1)
        if self.chance(0.3):
            self.nested_helper(s)
        self.block(s, 1, r.randint(1, 4), 2)
        self.escape_loop(s)
        if self.chance(0.05):  # a deliberate 64-bit overflow
            self.emit(1, "if %s:" % self.bool_expr(s, 1))
            self.emit(2, "return (i0 + 3) * 3037000499 * 3037000499 % 7")
        self.block(s, 1, r.randint(0, 3), 2)
        self.emit(1, "return %s" % self.int_expr(s, 3)[0])

    def nested_helper(self, s):
        """A def or a named lambda inside the kernel that reads the
        kernel's variables (a closure) and its own parameter."""
        name, x = self.name("nest"), self.name("x")
        s.vars["float"].append(x)
        body = self.float_expr(s, 2)
        s.vars["float"].remove(x)
        if self.chance(0.5):
            self.emit(1, "def %s(%s):" % (name, x))
            self.emit(2, "return %s" % body)
        else:
            self.emit(1, "%s = lambda %s: %s" % (name, x, body))
        self.helpers.append((name, ["float"], "float", [x], set()))

    def escape_loop(self, s):
        """The Mandelbrot loop over range(maxiter) with the model's
        statements inside; the escape test uses z0."""
        r = self.r
        self.emit(1, "for n in range(maxiter):")
        self.emit(2, "z0 = z0 * z0 + c")
        s.vars["int"]["n"] = 10 ** 4
        s.loop_depth += 1
        self.block(s, 2, r.randint(1, 4), 2)
        test = r.choice(["abs(z0) > 2.0",
                         "z0.real * z0.real + z0.imag * z0.imag > 4.0"])
        self.emit(2, "if %s:" % test)
        self.emit(3, r.choice(["return n + i0", "break"]))
        s.loop_depth -= 1
        del s.vars["int"]["n"]

    # ---- module constants, computed at compile time -------------------

    def const_int(self, depth):
        """(code, bound) of an int constant expression."""
        r = self.r
        known = self.consts["int"]
        if depth <= 0 or self.chance(0.3):
            if known and r.random() < 0.5:
                name = r.choice(sorted(known))
                return name, known[name]
            v = r.choice([0, 1, 2, 3, 8, 10, -7, 255])
            return ("(%d)" % v if v < 0 else str(v)), abs(v)
        k = r.randrange(7)
        (a, ab), (b, bb) = self.const_int(depth - 1), self.const_int(depth - 1)
        if k == 0:
            op = r.choice(["+", "-", "*"])
            bound = ab * bb if op == "*" else ab + bb
            return ("(%s %s %s)" % (a, op, b), bound) if bound <= INT_LIMIT \
                else ("(%s - %s)" % (a, b), ab + bb)
        if k == 1:
            return "(%s %s (abs(%s) %% 5 + 1))" % (a, r.choice(["//", "%"]),
                                                   b), ab
        if k == 2:
            n = r.randrange(0, 9)
            return ("(2 ** %d)" % n, 2 ** n) if ab > 1000 else \
                ("(%s ** %d)" % (a, n % 3), max(ab, 1) ** 2)
        if k == 3:
            return "(%s %s %s)" % (a, r.choice(["&", "|", "^"]), b), \
                2 * max(ab, bb) + 1
        if k == 4:
            return r.choice(["(-%s)", "(~%s)", "abs(%s)", "(%s >> 2)"]) % a, \
                ab + 1
        if k == 5:
            return "%s(%s, %s)" % (r.choice(["min", "max"]), a, b), \
                max(ab, bb)
        conv = r.choice(["int", "round", "math.floor", "math.ceil"])
        return "%s(%s)" % (conv, CLAMP % self.const_float(depth - 1)), \
            10 ** 6 + 1

    def const_float(self, depth):
        r = self.r
        if depth <= 0 or self.chance(0.3):
            if self.consts["float"] and r.random() < 0.5:
                return r.choice(self.consts["float"])
            return r.choice(["0.5", "2.0", "1e-3", "3.25", "(-1.5)", "0.1",
                             "math.pi", "math.e"])
        a = self.const_float(depth - 1)
        k = r.randrange(8)
        if k == 0:
            return "(%s %s %s)" % (a, r.choice(["+", "-", "*"]),
                                   self.const_float(depth - 1))
        if k == 1:
            return "(%s %s (abs(%s) + 0.5))" % (a, r.choice(["/", "//", "%"]),
                                               self.const_float(depth - 1))
        if k == 2:
            return "(%s + %s)" % (a, self.const_int(depth - 1)[0])
        if k == 3:
            f = r.choice(["math.sqrt(abs(%s))", "math.log(abs(%s) + 1.0)",
                          "math.exp(min(%s, 50.0))", "math.sin(%s)",
                          "math.cos(%s)", "math.atan(%s)", "math.fabs(%s)",
                          "math.log10(abs(%s) + 1.0)", "float(%s)"])
            return f % (CLAMP % a)
        if k == 4:
            return "math.%s(%s, %s)" % (r.choice(["atan2", "hypot"]), a,
                                        self.const_float(depth - 1))
        if k == 5:
            z = self.const_complex(depth - 1)
            return r.choice(["abs(%s)", "%s.real", "(%s).imag"]) % z
        if k == 6:
            return "(abs(%s) + 1.0) ** %s" % (CLAMP % a, r.choice(
                ["2", "0.5", "(-1.5)", "3.0"]))
        if k == 7 and self.chance(0.5):  # ints past 2**53, divided exactly
            return r.choice(["(%d / (abs(%s) %% 5 + 1))",
                             "(%d / -(abs(%s) %% 7 + 2))",
                             "float(%d + %s)"]) % (
                r.choice(BIG_CONSTANTS), self.const_int(depth - 1)[0])
        return "%s(%s, %s)" % (r.choice(["min", "max"]), a,
                               self.const_float(depth - 1))

    def const_complex(self, depth):
        r = self.r
        if depth <= 0 or self.chance(0.3):
            if self.consts["complex"] and r.random() < 0.5:
                return r.choice(self.consts["complex"])
            return r.choice(["1j", "(0.5 - 0.25j)", "complex()",
                             "complex(-0.62772, -0.42193)"])
        a = self.const_complex(depth - 1)
        k = r.randrange(5)
        if k == 0:
            return "(%s %s %s)" % (a, r.choice(["+", "-", "*"]),
                                   self.const_complex(depth - 1))
        if k == 1:
            return "(%s / (abs(%s) + 1.0))" % (a, self.const_complex(depth - 1))
        if k == 2:
            return "complex(%s, %s)" % (self.const_float(depth - 1),
                                        self.const_float(depth - 1))
        if k == 3:
            return "(%s).conjugate()" % a
        return "(%s * %s)" % (a, self.const_float(depth - 1))

    def module_constants(self):
        """0-4 module constants and 0-2 module lists, each assigned once."""
        r = self.r
        for _ in range(r.randint(0, 4)):
            ty = r.choice(["int", "float", "complex"])
            name = self.name("K")
            if ty == "int":
                code, bound = self.const_int(2)
                self.emit(0, "%s = %s" % (name, code))
                self.consts["int"][name] = bound
            else:
                self.emit(0, "%s = %s" % (name, getattr(
                    self, "const_" + ty)(2)))
                self.consts[ty].append(name)
        for _ in range(r.randint(0, 2)):
            name, n = self.name("PAL"), r.randint(1, 5)
            if r.random() < 0.5:
                items = [str(r.randrange(-999, 1000)) for _ in range(n)]
                self.const_lists[name] = ("int", n)
            else:
                items = [CLAMP % self.const_float(1) for _ in range(n)]
                self.const_lists[name] = ("float", n)
            opening, closing = r.choice(["[]", "()"])
            self.emit(0, "%s = %s%s%s" % (name, opening, ", ".join(items) +
                                          ("," if n == 1 and opening == "("
                                           else ""), closing))
        self.emit(0, "")
        self.emit(0, "")

    def program(self):
        self.emit(0, "import math")
        self.emit(0, "")
        self.module_constants()
        for i in range(self.r.randint(0, 2)):
            self.helper(i)
        self.kernel()
        if self.chance(0.25):  # a list kernel around the point kernel
            self.emit(0, "")
            self.emit(0, "")
            lines, point = self.r.choice(LIST_SHAPES)
            call = self.kernel_shape[1].format(c=point, m="maxiter")
            for line in lines:
                self.emit(0, line.replace("POINT", call))
        # The file's own driver names the kernel, so a helper that could
        # bind too (h0(c)) does not make the choice ambiguous (§3).
        defs = [l for l in self.lines if l.startswith("def ")]
        kernel = defs[-1][4:defs[-1].index("(")]
        self.emit(0, "")
        self.emit(0, "")
        self.emit(0, "def calc_pure_python():")
        self.emit(1, "return %s" % kernel)
        return "\n".join(self.lines) + "\n"


# How the kernel takes its point and limit: the shapes of docs/language.md
# §3, each binding by its own rule (name, position, default, one complex,
# a fixed limit); the body then reads c and maxiter as before.
KERNEL_SHAPES = [  # (def and first lines, a call with {c} and {m})
    (["def f(c, maxiter):"], "f({c}, {m})"),
    (["def f(maxiter, c):"], "f({m}, {c})"),
    (["def mandelbrot(z, max_iter):", "c = z", "maxiter = max_iter"],
     "mandelbrot({c}, max_iter={m})"),
    (["def mandel(x, y, max_iters):", "c = complex(x, y)",
      "maxiter = max_iters"], "mandel({c}.real, {c}.imag, {m})"),
    (["def mandel(Re, Im, max_iter):", "c = complex(Re, Im)",
      "maxiter = max_iter"], "mandel(Re={c}.real, Im={c}.imag, max_iter={m})"),
    (["def mandel(real, imag, max_iterations=20):",
      "c = complex(real, imag)", "maxiter = max_iterations"],
     "mandel({c}.real, {c}.imag)"),
    (["def mandel(z):", "c = z", "maxiter = 12"], "mandel({c})"),
]

# A list kernel that calls the point kernel once per point: the driver
# then binds it (nothing calls it), through one of the list shapes of §3.
LIST_SHAPES = [  # (lines, the point as the call's {c})
    (["def calculate_z_serial_purepython(maxiter, zs, cs):",
      "    output = [0] * len(cs)",
      "    for i in range(len(cs)):",
      "        output[i] = POINT",
      "    return output"], "cs[i]"),
    (["def calculate_z_serial_purepython(maxiter, zs, cs, output):",
      "    for i in range(len(cs)):",
      "        output[i] = POINT"], "cs[i]"),
    (["def calculate_z(q, maxiter):",
      "    return [POINT for c in q]"], "c"),
    (["def calculate_z_serial_purepython(chunk):",
      "    q, maxiter, z = chunk",
      "    output = []",
      "    for i in range(len(q)):",
      "        output.append(POINT)",
      "    return output"], "q[i]"),
]


def generate(seed, index):
    return Gen(seed * 1000003 + index).program()


# ---- running -------------------------------------------------------------


class Opts:
    pass


def check_one(path, opts):
    kernel = run_kernels.Kernel(path)
    kernel.args = opts.args.split()
    kernel.expect = None
    want = run_kernels.run_oracle(kernel, kernel.args, ["--int64"], None)
    if want[0] is None:
        return ["CPython timed out"]
    cmd = [opts.mandelc, path] + kernel.args
    cmd += ["--target=" + opts.target] + opts.extra
    got = run_kernels.run(cmd, run_kernels.ROOT)
    got = (got[0], run_kernels.masked(got[1]), got[2])
    problems = run_kernels.compare(want, got, True)
    if problems:
        problems.insert(0, " ".join(cmd))
    return problems


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mandelc")
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--args", default="40 20")
    ap.add_argument("--target", default="llvm")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--keep", default="random_failures",
                    help="folder for failing kernels")
    ap.add_argument("--write-only", metavar="DIR",
                    help="only write the kernels into DIR")
    opts, extra = ap.parse_known_args(argv)
    opts.extra = extra
    opts.mandelc = os.path.abspath(opts.mandelc)
    if opts.write_only:
        os.makedirs(opts.write_only, exist_ok=True)
        for i in range(opts.count):
            with open(os.path.join(opts.write_only, "gen_%d_%d.py" % (
                    opts.seed, i)), "w") as f:
                f.write(generate(opts.seed, i))
        return 0
    work = tempfile.mkdtemp(prefix="mandelc_gen_")
    paths = []
    for i in range(opts.count):
        path = os.path.join(work, "gen_%d_%d.py" % (opts.seed, i))
        with open(path, "w") as f:
            f.write(generate(opts.seed, i))
        paths.append(path)
    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max(1, opts.jobs)) as pool:
        jobs = [(p, pool.submit(check_one, p, opts)) for p in paths]
        for path, job in jobs:
            problems = job.result()
            if not problems:
                passed += 1
                continue
            failed += 1
            os.makedirs(opts.keep, exist_ok=True)
            kept = os.path.join(opts.keep, os.path.basename(path))
            with open(path) as src, open(kept, "w") as dst:
                dst.write(src.read())
            with open(kept + ".diff", "w") as f:
                f.write("\n".join(problems) + "\n")
            print("FAIL %s (kept as %s)\n  %s" % (
                path, kept, "\n  ".join("\n  ".join(p.splitlines())
                                        for p in problems)), flush=True)
    shutil.rmtree(work, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
