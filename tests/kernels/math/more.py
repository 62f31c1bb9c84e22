# asin, acos, atan, sinh, cosh, tanh, fmod, copysign, degrees, radians,
# pow, and the isnan/isinf/isfinite tests.
import math


def bits(x):
    return int(x * 1099511627776.0) % 1000003


def f(c, maxiter):
    s = c.imag / 1.5
    a = math.asin(s) + math.acos(s) * 2.0 + math.atan(c.real)
    b = math.sinh(c.real) + math.cosh(s) + math.tanh(c.imag)
    d = math.fmod(c.real * 10.0, 3.0) + math.copysign(2.0, c.imag)
    g = math.degrees(c.real) + math.radians(c.imag * 100.0)
    h = math.pow(abs(c.real), 1.5) + math.pow(2.0, 3)
    n = 0
    if math.isfinite(a) and not math.isnan(b) and not math.isinf(d):
        n = 1
    return bits(a) + bits(b) + bits(d) + bits(g) + bits(h) + n
