import math

K1 = (math.atan2(math.e, math.e) * 1e-3)
K2 = math.ceil(max(-1e6, min(1e6, (abs(max(-1e6, min(1e6, K1))) + 1.0) ** 2)))
K3 = (((0.5 - 0.25j) / (abs(complex()) + 1.0))).conjugate()
K4 = ((K3 / (abs(complex(-0.62772, -0.42193)) + 1.0)) + ((0.5 - 0.25j)).conjugate())


def h0(c, p1):
    t0 = 0.25
    w5 = 0
    while w5 < 2:
        w5 += 1
        t0 -= t0
        pass
    t0 = 0.1
    t0 *= K1
    return ((K1 / (abs((K1 + (-1.5))) + 0.5)) - ((0.5 + 0.25j) / (abs(K4) + 1.0)))


def mandel(Re, Im, max_iter):
    c = complex(Re, Im)
    maxiter = max_iter
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
    f1 -= f1
    li[(-4) % 4] = (((-i0) // ((K2 * (5 // (K2 % 7 + 1))) % 7 + 1))) % 10007 - 5003
    for n in range(maxiter):
        z0 = z0 * z0 + c
        b0 = ((0 & 5) == (i0 * n))
        n = (i1) % 10007 - 5003
        z1 = (complex((n - f0), 3.25) + (complex(3.25, c.real) - (K4 * 0j)))
        if z0.real * z0.real + z0.imag * z0.imag > 4.0:
            break
    if (not (0.1 >= f0 < f0)):
        if (not (f1 < i1)):
            return (-4)
        f0 -= f1
    if (i1 == abs(K2)):
        return (((1 - 3) + K2) >> 0)
    return i1


def calc_pure_python():
    return mandel
