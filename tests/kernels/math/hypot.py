# math.hypot (CPython's own algorithm) next to abs(complex) (the C
# library's hypot): each must match CPython bit for bit.
import math


def bits(x):
    return int(x * 4503599627370496.0) % 1000003


def f(c, maxiter):
    x = c.real * 0.3
    y = c.imag * 0.7
    h = math.hypot(x, y)
    a = abs(complex(x, y))
    n = 0
    if h != a:
        n = 1
    return bits(h) + bits(a) * 3 + n * 1000000000
