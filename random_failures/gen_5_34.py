import math

K1 = 3.25
K2 = (255 >> 2)
K3 = K2
K4 = (2 & (K2 + 10))
PAL5 = (-10, 313, 233, 838)
PAL6 = [801, 95, -588, -168, 38]


def h0(c):
    t0 = 0.25
    if ((K4 * 7) > (K3 >> 3)):
        return complex((-((-4) / (13 % 5 + 1))), t0)
    for k7 in range(2):
        t0 = (math.pi - t0)
        t0 -= t0
        pass
    else:
        t0 = (((1 & 10) / (0 % 5 + 1)) * ((t0 if (K2 >= (-1)) else t0) + t0))
    t0 = K1
    if ((1 * K4) >= (3 * K4)):
        return (0j).conjugate()
    return c


def h1(c, p1):
    p1 = p1 % 10007 - 5003
    t0 = 0.25
    p1 = ((((p1 << 5) >> 3) << 4)) % 10007 - 5003
    c += (c - c)
    t0 = math.log(abs(3.25) + 1.0)
    c *= (((-0.1) + c.real) * 1j)
    return (((~(-4)) - (p1 - p1)) / (((p1 ^ p1) + p1) % 5 + 1))


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
    w8 = 0
    while w8 < 4:
        w8 += 1
        z1 = ((0.5 + 0.25j)).conjugate()
        for k9 in range(3):
            z0 = (c * z0)
            i0 = ((((k9 + k9) + i1) - 0)) % 10007 - 5003
            f0 -= 0.0
    for n in range(maxiter):
        z0 = z0 * z0 + c
        w10 = 0
        while w10 < 4:
            w10 += 1
            i1, i0 = i0, i1
            for k11 in range(4):
                z0 = (((1j / (z1 + (abs(z1) + 1.0))) + (f1 + f1)) - 0.5)
                i0 = (((7 >> 0) - (((-4) - 10) * sum(PAL5)))) % 10007 - 5003
            f1 = (-1.5)
        i0, i1 = i1, i0
        if abs(z0) > 2.0:
            return n + i0
    return (((i1 >> 5) - i0) + 13)


def calc_pure_python():
    return mandel
