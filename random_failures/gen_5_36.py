import math

K1 = ((complex()).conjugate() / (abs(((0.5 - 0.25j) + complex())) + 1.0))
K2 = float(max(-1e6, min(1e6, ((-1.5) + 0))))
PAL3 = (556, -155, -198, 269)


def h0(c, p1):
    t0 = 0.25
    if ((1 << 0) > 0):
        pass
    p1 -= (t0 * 0.5)
    t0 = (((0.1 * 1) * (p1 * p1)) + ((3 / (13 % 5 + 1)) + (p1 * p1)))
    p1 += 0.5
    return (((p1 - p1) - 1e-3) + t0)


def h1(c, p1=0.5, p2=3):
    p2 = p2 % 10007 - 5003
    t0 = 0.25
    pass
    p2 = (abs((max(p2, 10) + (p2 % (abs(p2) % 9 + 1))))) % 10007 - 5003
    p2 = ((255 - ((-p2) * round(max(-1e6, min(1e6, 2.0)))))) % 10007 - 5003
    if (((p2 == p2) or (p2 > p2)) or (p2 != p2)):
        return p2
    return ((p2 + ((p2 << 1) & min(p2, 255)))) % 10007 - 5003


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
    i0 += h1(z0, ((f1 - 1e-3) * (f0 * 13)), ((7 * i1) << 0))
    i0 = i0 % 10007 - 5003
    f0 = math.hypot(f0, ((i0 * 100) * (f1 if (100 >= i0) else 0.1)))
    for n in range(maxiter):
        z0 = z0 * z0 + c
        z1 = (K1 - ((-1j) - (z0 * z1)))
        w4 = 0
        while w4 < 3:
            w4 += 1
            f1 = ((-i1) / (n % 5 + 1))
            if ((i1 >> 4) >= (5 * n)):
                return n
        i1 += ((i1 // ((i0 - n) % 7 + 1)) + h1((z0 / (z0 + (abs(z0) + 1.0))), (1e-3 / (abs(c.real) + 0.5)), i1))
        i1 = i1 % 10007 - 5003
        if z0.real * z0.real + z0.imag * z0.imag > 4.0:
            break
    if (1e10 <= f0):
        return (i0 + 3) * 3037000499 * 3037000499 % 7
    i0 = (13) % 10007 - 5003
    li[((i1 + i1) * (-i0)) % 4] = ((((i1 >> 3) + (i0 % -(abs(3) % 9 + 1))) + ((-i0) << 2))) % 10007 - 5003
    return (i1 % -(abs(((i1 << 2) << 1)) % 9 + 1))


def calc_pure_python():
    return mandel
