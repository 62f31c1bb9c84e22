# ValueError: math.log(0).
import math


def f(c, maxiter):
    k = int(c.real * 2)
    if c.imag < 0.3:
        return int(math.log(k * k))
    return k
