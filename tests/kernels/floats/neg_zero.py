# -0.0 keeps its sign through *, unary minus, copysign and atan2.
import math


def f(c, maxiter):
    z = -0.0
    n = 0
    if math.copysign(1.0, z) < 0.0:
        n += 1
    if z == 0.0:
        n += 2
    m = c.real * 0.0
    if math.copysign(1.0, m) < 0.0:
        n += 4
    if math.atan2(z, -1.0) < 0.0:
        n += 8
    if math.copysign(1.0, -m) > 0.0:
        n += 16
    if math.copysign(1.0, 0.0 - 0.0) > 0.0:
        n += 32
    if math.copysign(1.0, -0.0 + 0.0) > 0.0:
        n += 64
    return n
