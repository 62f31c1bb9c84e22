# expect error: 6:12: tolerances must be non-negative
import math


def f(c, maxiter):
    return math.isclose(c.real, c.imag, rel_tol=-1e-9) + maxiter
