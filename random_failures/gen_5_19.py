import math

K1 = 10
K2 = (K1 + 0)
K3 = K1
K4 = 1j
PAL5 = [345]


def h0(c, p1):
    t0 = 0.25
    for k6 in range(5):
        p1 = math.hypot(((c * (0.5 + 0.25j))).conjugate().imag, ((3.25 - t0) - math.atan(max(-1e6, min(1e6, t0)))))
        c = (1j / ((c - (c * (-1j))) + (abs((c - (c * (-1j)))) + 1.0)))
    c += (c).conjugate()
    return c


def mandel(z):
    c = z
    maxiter = 12
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
    if ((i0 / (K2 % 5 + 1)) <= (f0 - 0.1)):
        return ((255 | PAL5[255 % len(PAL5)]) - ((i1 * 5) + (13 if (K3 >= i0) else 100)))
    f1 = f1
    w7 = 0
    while w7 < 4:
        w7 += 1
        i1 = (i1) % 10007 - 5003
    for n in range(maxiter):
        z0 = z0 * z0 + c
        f1 -= (i0 / (13 % 5 + 1))
        for k8 in range(1):
            f1 = math.e
            lf[-1 - (li[-1 - i1 % 4] * int(max(-1e6, min(1e6, 0.0)))) % 3] = (((n // -(K3 % 7 + 1)) << 5) / (((i1 - i1) * i1) % 5 + 1))
        if z0.real * z0.real + z0.imag * z0.imag > 4.0:
            break
    return i1


def calc_pure_python():
    return mandel
