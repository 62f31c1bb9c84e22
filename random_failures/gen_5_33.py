import math

K1 = math.sqrt(abs(max(-1e6, min(1e6, (abs(max(-1e6, min(1e6, math.e))) + 1.0) ** 2))))


def h0(c, p1=3, p2=3):
    p1 = p1 % 10007 - 5003
    p2 = p2 % 10007 - 5003
    t0 = 0.25
    c = (c * ((c / (abs(c) + 1.0))).conjugate())
    return (p2 + 0.0)


def h1(c, p1):
    p1 = p1 % 10007 - 5003
    t0 = 0.25
    pass
    if (math.exp(min(0.1, 50.0)) >= p1):
        return float((t0 - math.log(abs(1e-3) + 1.0)))
    return ((-c.real) + (t0 + max(c.imag, (-1.5))))


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
    f1 -= (f0 + ((2.0 - f1) + (i1 * (-1))))
    if ((i0 << 5) < i0):
        return i1
    for n in range(maxiter):
        z0 = z0 * z0 + c
        lf[-1 - 13 % 3] = math.pi
        if (f1 < K1 < (f0 if b0 else K1)):
            for k2 in range((max(i0, 2) - i1) % 5, 0):
                b0 = (h1(z1, n) > (i0 - f1))
                lf[-1 - ((k2 + k2) << 4) % 3] = (((-1.5) * float(f0)) if ((0.5 - c.real) > (K1 % (abs(f0) + 0.5))) else (i0 / (max(i1, len(li)) % 5 + 1)))
                n = ((((i0 & n) * n) - ((5 + 255) * 100))) % 10007 - 5003
        else:
            i1 = ((n + ((10 * i0) + (i1 - n)))) % 10007 - 5003
            for k3 in range(((2 % (abs(i1) % 9 + 1)) + int(max(-1e6, min(1e6, 0.5)))) % 5, 6):
                f0 += (h0((z0 - 0j), (0 // -(i1 % 7 + 1))) + f1)
                i0 += (-10)
                i0 = i0 % 10007 - 5003
        if (not (i0 == i0)):
            w4 = 0
            while w4 < 2:
                w4 += 1
                i0 = ((((n >> 5) + (10 * i1)) >> 0)) % 10007 - 5003
                n = (max(i1, (min(i1, 2) if (0.5 < i1) else max(i1, len(li))))) % 10007 - 5003
                n = (i1) % 10007 - 5003
            if ((1j * z0) == (z0 - i0)):
                z0 += (((1j + (0.5 + 0.25j))).conjugate() - complex((K1 if (i0 != i0) else f0), 1e-3))
                li[((7 * 100) - i1) % 4] = (i1) % 10007 - 5003
            if ((f0 * K1) >= (i1 - i0)):
                return (-n)
        else:
            n = (i1) % 10007 - 5003
        i1 = ((abs(100) ** 2)) % 10007 - 5003
        if z0.real * z0.real + z0.imag * z0.imag > 4.0:
            return n + i0
    return 7


def calc_pure_python():
    return mandel
