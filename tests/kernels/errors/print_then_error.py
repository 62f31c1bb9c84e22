# a point kernel that prints at some points and later fails: the output
# printed before the first failing point in q order must come out.
import math


def f(c, maxiter):
    if c.real < -2.0:
        print("row", c.imag)
    if c.imag < -0.5 and c.real > 0.0:
        return int(math.sqrt(c.imag))
    return 1
