# OverflowError: math.exp out of range ("math range error").
import math


def f(c, maxiter):
    return int(math.exp(c.real * 1000.0) % 7.0)
