# ValueError: math.sqrt of a negative number.
import math


def f(c, maxiter):
    r = math.sqrt(c.real + 1.9)
    return int(r * 10)
