# from math import ...: the names are usable without the module prefix.
from math import sqrt, pi, cos, floor
from math import log as natural_log


def bits(x):
    return int(x * 1099511627776.0) % 1000003


def f(c, maxiter):
    r = sqrt(c.real * c.real + 1.0) * pi + cos(c.imag)
    return bits(r) + floor(c.real * 10.0) + bits(natural_log(r))
