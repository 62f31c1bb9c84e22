# abs(complex) with a NaN part is nan, also right after a math.exp that
# underflowed: CPython 3.11-3.14 raise a spurious OverflowError there
# (a stale errno, gh-155526); section 5 takes the fixed rule. Minimised
# from a difffuzz kernel. Where a part is infinite, abs is inf.
import math


def f(c, maxiter):
    z = c
    n = 0
    for i in range(maxiter):
        t = math.exp(-1245.75 - i)      # underflows to 0.0: ERANGE
        z *= z + c                      # overflows to nan or inf parts
        a = abs(z) + t                  # nan (or inf), no OverflowError
        if a != a:
            n += 3
        elif a > 1e6:
            n += 2
        else:
            n += int(a) % 7
    return n
