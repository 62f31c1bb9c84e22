import math

K1 = (float(max(-1e6, min(1e6, 0.5))) + math.hypot(0.5, (-1.5)))
K2 = ((complex()).conjugate() / (abs(((0.5 - 0.25j) * math.e)) + 1.0))
K3 = ((255 >> 2) % (abs(round(max(-1e6, min(1e6, 0.5)))) % 5 + 1))
K4 = (min(1, K3) & K3)
PAL5 = [744]


def h0(c, p1=0.25j):
    t0 = 0.25
    if (100 < 255):
        return (((2 + 0) if ((-1.5) <= 3) else 100) * (1 + (0 * 7)))
    if ((t0 * t0) > (t0 / (abs(K1) + 0.5))):
        return (-4)
    for k6 in range(K4 % 5, 6):
        c += ((((-1j) - c) / (((0.5 + 0.25j) / (abs(K2) + 1.0)) + (abs(((0.5 + 0.25j) / (abs(K2) + 1.0))) + 1.0))) + ((2j + 1j) / ((p1 * (-1j)) + (abs((p1 * (-1j))) + 1.0))))
        t0 += 1e-3
    t0 *= ((t0 + 1e10) - 1e-3)
    return ((((K3 * 100) + (3 | (-4))) + ((~10) + round(max(-1e6, min(1e6, 2.0)))))) % 10007 - 5003


def h1(c, p1=3):
    p1 = p1 % 10007 - 5003
    t0 = 0.25
    w7 = 0
    while w7 < 5:
        w7 += 1
        p1 = (math.floor(max(-1e6, min(1e6, (c).conjugate().real)))) % 10007 - 5003
        p1 = ((math.ceil(max(-1e6, min(1e6, (t0 + t0)))) << 4)) % 10007 - 5003
    return (((c).conjugate() - complex((-1.5), t0))).conjugate()


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
    b0 = ((3 - i0) > (i0 << 0))
    li[i1 % 4] = (((-i0) + i0)) % 10007 - 5003
    z0 = h1(((z1 + (-4)) + (0.5 + 0.25j)), min((i1 << 3), li[i1 % 4]))
    i0 = (13) % 10007 - 5003
    for n in range(maxiter):
        z0 = z0 * z0 + c
        b0 = ((0 - 255) != h0(z1, 0j))
        if ((f0 * 0.0) <= ((-1.5) // (abs(f0) + 0.5))):
            return (n >> 0)
        if z0.real * z0.real + z0.imag * z0.imag > 4.0:
            return n + i0
    i0 = ((~(i1 - max(3, i1)))) % 10007 - 5003
    i0, i1 = divmod((abs(13) + (K4 + 0)), -((i0 - (3 + i1)) % 7 + 1))
    i1 += ((i0 - abs(K3)) - (i1 + i1))
    i1 = i1 % 10007 - 5003
    return max((i0 // -((i0 // -(3 % 7 + 1)) % 7 + 1)), ((i1 * i0) - math.ceil(max(-1e6, min(1e6, c.real)))))


def calc_pure_python():
    return f
