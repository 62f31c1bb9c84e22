# min and max follow Python's rule with nan: keep the first unless a later
# one compares smaller (larger).
import math


def f(c, maxiter):
    nan = (1e308 * 10.0) * 0.0
    n = 0
    if math.isnan(min(nan, c.real)):
        n += 1
    if math.isnan(min(c.real, nan)):
        n += 2
    if math.isnan(max(nan, c.imag, 0.0)):
        n += 4
    if math.isnan(max(c.imag, nan, 0.0)):
        n += 8
    return n + int(min(c.real, c.imag) * 100) + int(max(c.real, c.imag) * 10)
