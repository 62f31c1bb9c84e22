# math.isclose() with the default tolerances, rel_tol= and abs_tol=,
# ints and floats, equal infinities, unequal ones, nan, zeros; imported
# both ways.
import math
from math import isclose


def f(c, maxiter):
    z = 0j
    n = 0
    while n < maxiter and abs(z) <= 2.0:
        z = z * z + c
        n += 1
    x = abs(z)
    y = x + x * 1e-10
    w = x * 1.001
    big = 9007199254740993
    inf = math.inf
    nan = inf - inf
    cases = [math.isclose(x, y), isclose(x, w), isclose(x, w, rel_tol=0.01),
             math.isclose(n, n + 1, abs_tol=1), isclose(big, big - 1),
             isclose(inf, inf), isclose(inf, -inf), isclose(nan, nan),
             isclose(0.0, 1e-300), isclose(0.0, 1e-300, abs_tol=1e-299),
             isclose(c.real, c.real + 1e-17, rel_tol=0), isclose(-0.0, 0)]
    total = 0
    for b in cases:
        total = total * 2 + b
    return total + n
