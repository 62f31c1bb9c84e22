# math.floor and math.ceil return ints; math.trunc truncates.
import math


def f(c, maxiter):
    x = c.real * 7.3
    y = c.imag * 3.1
    return math.floor(x) * 1000 + math.ceil(y) * 10 + math.floor(
        -y) + math.ceil(-x) * 100 + math.trunc(x * y)
