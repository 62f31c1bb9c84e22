# math.log with a base, log2, log10 on positive arguments.
import math


def bits(x):
    return int(x * 1099511627776.0) % 1000003


def f(c, maxiter):
    x = abs(c.real) + 0.5
    y = abs(c.imag) + 2.0
    return bits(math.log(x, 2)) + bits(math.log(y, x + 1.0)) + bits(
        math.log2(y)) + bits(math.log10(x * 1000.0)) + int(math.log2(8))
