#!/usr/bin/env python3
"""simd_fuzz.py - random escape-loop kernels, mandelc's vector form against
CPython.

    python3 tests/simd_fuzz.py MANDELC [--count N] [--seed S] [--keep DIR]

gen_kernels.py's random kernels mostly fall outside the vector form (they
call int(), index tuples, ...), so they test the scalar code. These are
made from the statements the vector form takes: complex and float steps,
tuple assignments of complex, float and int items (`z, k = z * z + c,
k + 1`), `abs(z) > C` and `x*x + y*y > 4.0` escapes whose bodies break,
continue, return or count, inner loops with their own break, int counters
with % and //, float.is_integer() and math.isclose() counted into ints,
conditional expressions, for and while escape loops with or
without an else, calls of the file's own functions (inlined in vector
form), complex ** N with N a whole number, float powers and math calls
(a list of tuples or of lists is not a number, which the
vector form refuses: gen_kernels.py makes those), and ints past 2**53
meeting floats (big_stmt: int / int, the six comparisons with a float in
both orders, == with a complex, float(), a float minus an int). Each seed
gives a point kernel (c, maxiter) and the same body as a
list kernel (q, maxiter, z; z[i] and q[i] for z and c), and each runs at
four sizes, maxiter 0 and 1 among them (a lane that never steps, or
steps once), with --threads=1 (lanes refill in one order). The oracle is
tests/refdriver.py --int64 under CPython: stdout must match but for the
time line, and both must fail or neither. Exit status 1 on any mismatch,
with the kernel kept (--keep DIR, default a temporary directory, printed).
"""

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SIZES = (["23", "40"], ["9", "0"], ["9", "1"], ["17", "200"])


def act(r):
    """What an escape test does."""
    return r.choice([["break"], ["return k * 3 + it"], ["k = k + it", "break"],
                     ["continue"], ["k = k - 1"]])


def big_stmt(r):
    """A statement where an int past 2**53 (one per lane: it and k move
    it) meets a float; under 2**62 for it < 400."""
    b = "((it + %d) * %d + k)" % (r.randrange(1, 9), r.choice(
        [10 ** 16 + 1, 3 * 10 ** 15 + 7, 2 ** 50 + 1, 9007199254740993]))
    d = r.choice(["(k % 7 + 1)", "7", "(-3)", "(it % 5 + 2)"])
    op = r.choice(["<", "<=", ">", ">=", "==", "!="])
    c = r.randrange(6)
    if c == 0:
        return ["k = k + (1 if %s / %s %s %s // %s else 2)" % (b, d, op, b,
                                                                d)]
    if c == 1:
        return ["if %s %s float(%s):" % (b, op, b), "    k = k + 3"]
    if c == 2:
        return ["if float(%s) %s %s:" % (b, op, b), "    k = k - 2"]
    if c == 3:
        return ["s = s + (%s / %s - %s // %s)" % (b, d, b, d)]
    if c == 4:
        return ["k = k + (1 if z %s %s or complex(float(%s), 0.0) %s %s "
                "else 0)" % (r.choice(["==", "!="]), b, b,
                             r.choice(["==", "!="]), b)]
    return ["if x * 1e17 %s %s %s s * 1e15:" % (op, b, op), "    k += 1"]


def stmt(r, inloop):
    """One statement (as lines) of the vector subset."""
    c = r.randrange(28)
    if c >= 26:
        return math_stmt(r, inloop)
    if c >= 22:
        return helper_stmt(r, inloop)
    if c >= 20:
        return big_stmt(r)
    if c == 3 and inloop:
        limit = r.choice(["2.0", "2", "1.5", "4.0"])
        return ["if abs(z) > %s:" % limit] + ["    " + s for s in act(r)]
    if c == 4 and inloop:
        return ["if x * x + y * y > 4.0:"] + ["    " + s for s in act(r)]
    if c == 6 and inloop:
        return ["if it %% %d == 0:" % r.randrange(2, 5), "    continue"]
    if c == 8:
        return ["for j in range(%d):" % r.randrange(0, 4),
                "    s = s + j * 0.5", "    if s > 3.0:", "        break"]
    if c == 9 and inloop:
        return ["if k > %d:" % r.randrange(5, 60), "    break"]
    if c == 14 and inloop:
        return ["if abs(z) < 0.5:"] + ["    " + s for s in act(r)]
    if c in (7, 14) and r.random() < 0.5:
        # float.is_integer() and math.isclose(), rewritten by the
        # front end into comparisons the lanes take
        return [r.choice(["k = k + (s * 4.0).is_integer()",
                          "k = k + math.isclose(x, y, rel_tol=0.25)",
                          "k = k + math.isclose(s, 2.0, abs_tol=0.5)"])]
    simple = {
        0: ["z = z * z + c"],
        1: ["x, y = x * x - y * y + c.real, 2.0 * x * y + c.imag"],
        2: ["s = s + x * x"],
        5: ["k = k + it %% %d" % r.randrange(1, 7)],
        7: ["k += 1"],
        10: ["k = k + (1 if s > 2.5 else 2)"],
        11: ["w = z * z", "k = k + (1 if w.real > 0.25 else 0)"],
        12: ["z = z * z * z + c"],
        13: ["k = k + it // 3"],
        15: ["x = x * x", "s = s + x * x + y * y"],
        # tuples of complex, float and int, packed and unpacked at once
        16: ["z, k = z * z + c, k + 1"],
        17: ["x, s, z = z.real, s + x * y, z * z + c"],
        18: ["k, s, w = k + it %% %d, s * 0.5, z" % r.randrange(2, 5)],
        19: ["y, x = x, y"],
    }
    return simple.get(c, ["k = k + 2"])


# The file's own functions that the kernels call: the vector form inlines
# a function whose body is one return (nested calls too); int arguments
# meet float parameters (ramp), and sq2 calls sq. POW: an exponent that is
# a module constant.
HELPERS = """import math

POW = 5


def sq(a, b):
    return a * a + b


def mag2(u):
    return u.real * u.real + u.imag * u.imag


def far(u):
    return abs(u) > 2.0


def ramp(t, n):
    return t * 0.5 + n % 3


def sq2(a, b):
    return sq(sq(a, b), b)


def bump(n, m):
    return n + m // 2


"""


def helper_stmt(r, inloop):
    """A statement that calls the helpers, or raises a complex to a whole
    power (c_powi's products; an infinite part is OverflowError)."""
    c = r.randrange(16)
    if c >= 11:
        return math_stmt(r, inloop)
    if c >= 7:
        e = r.choice(["0", "1", "2", "3", "4", "7", "POW", "2.0", "12"])
        return [r.choice(["z = z ** %s + c", "w = (z * 0.5) ** %s",
                          "k = k + (1 if (w ** %s).real > 0.5 else 0)",
                          "x = (z ** %s).imag"]) % e]
    if c == 0:
        return ["z = sq(z, c)"]
    if c == 1 and inloop:
        return ["if mag2(z) > 4.0:"] + ["    " + s for s in act(r)]
    if c == 2 and inloop:
        return ["if far(z):"] + ["    " + s for s in act(r)]
    if c == 3:
        return ["s = ramp(s, k) + ramp(1, it)"]
    if c == 4:
        return ["w = sq2(w, z * 0.25)"]
    if c == 5:
        return ["k = bump(k, it)"]
    return ["x = ramp(x, 2) - mag2(w)"]


def math_stmt(r, inloop):
    """math calls (exact vector code for sqrt, fabs, copysign, floor, ceil,
    trunc and the tests; the others per lane, as the scalar code calls
    them) and float powers (float_pow per lane); some raise (sqrt of a
    negative, an int of inf, 0.0 ** -1), in both runs."""
    c = r.randrange(10)
    if c == 0:
        return ["s = s + math.sqrt(abs(x)) * 0.5 + math.fabs(y)"]
    if c == 1:
        return ["s = s + math.sin(x) + math.cos(y) * math.exp(-s * s)"]
    if c == 2:
        return ["k = k + math.%s(x * 4.0) %% 3" % r.choice(
            ["floor", "ceil", "trunc"])]
    if c == 3 and inloop:
        return ["if math.isnan(s) or math.isinf(x) or not "
                "math.isfinite(y):", "    k += 1"]
    if c == 4:
        return ["s = s + math.fabs(x) ** %s" % r.choice(
            ["0.5", "2", "1.5", "3", "-1"])]
    if c == 5:
        return ["x = math.copysign(x * 0.5, y) + x ** 2"]
    if c == 6:
        return ["s = s + math.log(abs(x) + 0.001) + math.atan2(y, x)"]
    if c == 7:
        return ["s = s + math.%s(x)" % r.choice(["sqrt", "log", "asin"])]
    if c == 8:
        return ["s = s + math.hypot(x, y) + math.pow(abs(y), 0.75) + "
                "math.fmod(s, 1.5)"]
    return ["s = s + math.tanh(s) + math.degrees(x) - math.radians(y)"]


def point_kernel(seed):
    return HELPERS + point_def(seed)


def point_def(seed):
    r = random.Random(seed)
    lines = ["def f(c, maxiter):", "    z = 0j", "    w = 0j", "    x = c.real",
             "    y = c.imag", "    k = 0", "    s = 0.0", "    it = 0"]
    for _ in range(r.randrange(0, 3)):
        lines += ["    " + s for s in stmt(r, False)]
    head = r.choice(["for it in range(maxiter):",
                     "for it in range(2, maxiter + 1):",
                     "for it in range(maxiter // 2):", "while it < maxiter:"])
    lines.append("    " + head)
    body = ["it += 1"] if head.startswith("while") else []
    for _ in range(r.randrange(1, 6)):
        body += stmt(r, True)
    lines += ["        " + s for s in body]
    if r.random() < 0.3:
        lines += ["    else:", "        k = k + 100"]
    for _ in range(r.randrange(0, 2)):
        lines += ["    " + s for s in stmt(r, False)]
    lines.append("    return k * 7 + it + (1 if s > 1.0 else 0)")
    return "\n".join(lines) + "\n"


def list_kernel(seed):
    """The point kernel's body inside `for i in range(len(q))`."""
    out = ["def calculate_z_serial_purepython(q, maxiter, z):",
           "    output = [0] * len(q)", "    for i in range(len(q)):"]
    out = [HELPERS.rstrip("\n"), "", ""] + out
    for line in point_def(seed).splitlines()[1:]:
        body = line.strip()
        if body == "z = 0j":  # z[i] starts at the driver's 0j
            continue
        indent = "    " + line[:len(line) - len(line.lstrip())]
        if body.startswith("return k * 3"):  # a return inside the loop
            out += [indent + "k = k * 3 + it", indent + "break"]
            continue
        if body.startswith("return"):
            body = "output[i] = " + body[len("return "):]
        body = re.sub(r"\bz\b", "z[i]", body)
        body = re.sub(r"\bc\b", "q[i]", body)
        out.append(indent + body)
    out.append("    return output")
    return "\n".join(out) + "\n"


def visible(text):
    return [s for s in text.splitlines() if not s.startswith("Main took")]


def check(mandelc, path, forms):
    """None when mandelc agrees with CPython at every size, else why.
    Counts in forms whether the kernel ran in vector form (-v says)."""
    vector = False
    name = "--kernel=" + ("f" if os.path.basename(path).startswith("point")
                          else "calculate_z_serial_purepython")
    for size in SIZES:
        py = subprocess.run([sys.executable, os.path.join(HERE, "refdriver.py"),
                             "--int64", path, name] + size,
                            capture_output=True, text=True, timeout=120)
        mc = subprocess.run([mandelc, path, name] + size +
                            ["--threads=1", "-v"],
                            capture_output=True, text=True, timeout=120)
        if mc.returncode == 1:  # every generated kernel compiles
            return "does not compile: %s" % mc.stderr[-300:]
        vector = vector or re.search(r"simd: \S+ runs \d+ lanes",
                                     mc.stderr) is not None
        if (visible(py.stdout) != visible(mc.stdout) or
                (py.returncode != 0) != (mc.returncode != 0)):
            return "at %s: CPython %s (exit %d), mandelc %s (exit %d) %s" % (
                " ".join(size), visible(py.stdout)[-1:], py.returncode,
                visible(mc.stdout)[-1:], mc.returncode, mc.stderr[-300:])
    forms["vector" if vector else "scalar"] += 1
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mandelc")
    ap.add_argument("--count", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep")
    a = ap.parse_args()
    keep = a.keep or tempfile.mkdtemp(prefix="simd_fuzz_")
    os.makedirs(keep, exist_ok=True)
    bad = 0
    forms = {"vector": 0, "scalar": 0}
    for seed in range(a.seed, a.seed + a.count):
        for form, make in (("point", point_kernel), ("list", list_kernel)):
            path = os.path.join(keep, "%s_%d.py" % (form, seed))
            with open(path, "w") as f:
                f.write(make(seed))
            why = check(a.mandelc, path, forms)
            if why:
                bad += 1
                print("MISMATCH %s %s" % (path, why))
            else:
                os.remove(path)
    print("simd_fuzz: %d seeds, point and list forms, %d mismatches%s; "
          "of the kernels that agree, %d ran in vector form, %d scalar" % (
              a.count, bad, " (kept in %s)" % keep if bad else "",
              forms["vector"], forms["scalar"]))
    if not a.keep and not bad:
        os.rmdir(keep)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
