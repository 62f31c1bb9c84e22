import math

K1 = (int(max(-1e6, min(1e6, 1e-3))) % (abs(3) % 5 + 1))
K2 = (0.5 - 0.25j)
PAL3 = [-119, 992, -957, -174, -994]


def h0(c):
    t0 = 0.25
    t0 = 1e-3
    c = complex(t0, t0)
    t0 *= (t0 - (0.1 - ((-1.5) * c.imag)))
    if (t0 < (1 - 0)):
        c *= ((-1j) - c)
        c = c
        c = ((1j + c) * (complex(3.25, t0) + (c - c)))
    elif ((13 / (7 % 5 + 1)) > t0):
        t0 = (math.hypot((c).conjugate().imag, ((-1) + c.imag)) - abs(PAL3[10 % len(PAL3)]))
        t0 = (1e-3 - (t0 if ((2 <= 0) and (2 > 0)) else min(3.25, (-1.5))))
    return t0


def f(c, maxiter):
    i0 = int(c.real * 10)
    i1 = int(c.imag * 100) % 7
    f0 = c.real
    f1 = c.imag * 0.5
    z0 = 0j
    z1 = c
    b0 = c.imag > 0.0
    li = [i0, i1, 3, -2]
    lf = [0.5] * 3
    la = [i1]
    if (not (not (i0 == i1))):
        return (i1 - K1)
    for n in range(maxiter):
        z0 = z0 * z0 + c
        n = (n) % 10007 - 5003
        if abs(z0) > 2.0:
            break
    i0 += (K1 + (abs(i1) % (abs((i0 + i1)) % 9 + 1)))
    i0 = i0 % 10007 - 5003
    return ((~(i0 << 0)) + ((2 // -(i0 % 7 + 1)) * (i0 + i0)))


def calc_pure_python():
    return f
