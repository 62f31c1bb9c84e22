import math

K1 = 2.0
K2 = complex()
K3 = 0
K4 = ((K1 % (abs(K1) + 0.5)) % (abs((-1.5)) + 0.5))


def h0(c, p1=0.5):
    t0 = 0.25
    for k5 in range(5):
        p1 = (k5 / (round(max(-1e6, min(1e6, (t0 if (k5 != 1) else c.real)))) % 5 + 1))
    t0 += p1
    c += (0.5 + 0.25j)
    t0 += ((-1.5) - t0)
    return ((-4)) % 10007 - 5003


def mandelbrot(z, max_iter):
    c = z
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
    i0 += 100
    i0 = i0 % 10007 - 5003
    for n in range(maxiter):
        z0 = z0 * z0 + c
        z0 = K2
        li[(13 - (10 if (i0 != K3) else i0)) % 4] = ((-255)) % 10007 - 5003
        lf[-1 - ((i0 * n) * (K3 ^ i1)) % 3] = f1
        if z0.real * z0.real + z0.imag * z0.imag > 4.0:
            return n + i0
    i0 = ((-((K3 + i1) << 0))) % 10007 - 5003
    if (f1 > (i0 + i0)):
        return (-K3)
    w6 = 0
    while w6 < 2:
        w6 += 1
        for k7 in range(0):
            b0 = b0
            b0 = ((k7 * (-1)) != 5)
        else:
            z1 = (K2 + (((-1j) * c) - (z1 / (abs(1j) + 1.0))))
        z0 *= (z0).conjugate()
    return (((i0 // (i0 % 7 + 1)) + (1 << 1)) // (((i0 - i1) - (i1 * 13)) % 7 + 1))


def calc_pure_python():
    return mandelbrot
