# module constants computed from constant expressions and calls, at compile
# time with CPython's exact results: the libm calls of the math module,
# float and int powers, complex(), abs(), min/max, .real and .imag. Only
# numbers reach the escape loop, so it stays in the vector form.
import math
from math import sqrt, pi

LOG2 = math.log(2.0)
C = complex(-0.62772, -0.42193)
MAXITER = 2 ** 8
HORIZON = 2.0 ** 40
K = math.exp(-1.5) * math.sin(0.7) + math.atan2(1.0, -3.0)
R = sqrt(2) / 3 + abs(-3) * pi - math.cos(math.radians(30))
LOGB = math.log(1000.0, 10) + math.log10(7) + math.log2(5)
M = max(3, 7, 2) - min(0.5, -1.25) + round(2.5) + int(-7.9)
W = abs(C) + C.real * C.imag + math.hypot(3.0, 4.5)
FL = math.floor(-2.5) * 100 + math.ceil(2.1) + math.trunc(-9.99)
SH = (1 << 20) | (MAXITER >> 3) ^ 0x55 & ~3
DM = -17 // 5 + -17 % 5 + 7.5 // -2 + 7.5 % -2
PW = pow(1.0001, 5000) + math.pow(2.5, -3.25) + 10 ** -2 + 1.5 ** 3
Z3 = (1 + 2j) ** 3 + (0.5 - 1j) / (2 + 0.25j) + C * C.conjugate()
SMALL = math.fmod(-7.5, 2.0) + math.copysign(1.5, -0.0) + float(3)


def bits(x):
    return int(x * 4503599627370496.0) % 1000003


def escape(z0, limit):
    z = z0
    for n in range(min(limit, MAXITER)):
        z = z * z + C
        if z.real * z.real + z.imag * z.imag > HORIZON:
            return n
    return 0


def g(c, maxiter):
    base = escape(c, maxiter)
    s = bits(LOG2) + bits(K) + bits(R) + bits(LOGB) + bits(W) + bits(PW)
    s += bits(Z3.real) + bits(Z3.imag) + bits(SMALL) + bits(DM)
    return base * 7 + (s + int(M * 4) + FL + SH) % 1000
