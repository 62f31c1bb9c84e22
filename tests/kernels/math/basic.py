# math.sqrt, exp, log, sin, cos, tan, atan2, fabs, pi, e: bit exact.
import math


def bits(x):
    return int(x * 1099511627776.0) % 1000003


def f(c, maxiter):
    x = c.real
    y = c.imag
    a = math.sqrt(x * x + y * y) + math.exp(x) + math.log(abs(y) + 1.5)
    b = math.sin(x) * math.cos(y) + math.tan(y * 0.5)
    d = math.atan2(y, x) + math.fabs(x) * math.pi - math.e
    return bits(a) + bits(b) + bits(d)
