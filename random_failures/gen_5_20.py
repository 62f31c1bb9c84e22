import math

K1 = math.exp(min(max(-1e6, min(1e6, math.fabs(max(-1e6, min(1e6, (-1.5)))))), 50.0))
K2 = (complex(K1, 0.5) - complex(K1, 2.0))


def h0(c, p1, p2):
    p2 = p2 % 10007 - 5003
    t0 = 0.25
    if ((p1 - K2) != (K2 / (abs((-1j)) + 1.0))):
        p2 += (p2 - 10)
        p2 = p2 % 10007 - 5003
        c = (((100 * K2)).conjugate() - (2j + complex(t0, K1)))
        p2 = (p2) % 10007 - 5003
    elif (3.25 >= math.exp(min((-1.5), 50.0))):
        t0 *= 1e10
        pass
    else:
        p2 = (math.floor(max(-1e6, min(1e6, ((0 / (p2 % 5 + 1)) if (not (p2 < p2)) else (K1 - 100)))))) % 10007 - 5003
        p2 += p2
        p2 = p2 % 10007 - 5003
    pass
    return (c + ((K2 - c) - (0.5 + 0.25j)))


def h1(c):
    t0 = 0.25
    if (((-4) + 255) < (100 ^ 255)):
        pass
    elif (((-4) + 100) == ((-1) + (-4))):
        pass
        t0 -= t0
    c *= (h0((c - c), complex(c.real, t0), (13 + 10)) - ((255 + 2j) + complex(c.real, t0)))
    t0 += (t0 - (-(0.1 if ((-1) == 255) else t0)))
    t0 += K1
    return 0.0


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
    if ((i1 / ((-1) % 5 + 1)) <= f0):
        return (max((10 * i0), (i0 * i0)) - i0)
    f0 *= (((-10) + K1) - ((f0 * 0.0) / (abs((i1 / (i0 % 5 + 1))) + 0.5)))
    if b0:
        return ((100 + i1) >> 0)
    for n in range(maxiter):
        z0 = z0 * z0 + c
        w3 = 0
        while w3 < 4:
            w3 += 1
            f1 *= (((f1 + K1) / (abs(K1) + 0.5)) if (3.25 >= 2.0) else math.atan2((i0 / (3 % 5 + 1)), f0))
            if ((i1 ^ n) > i1):
                return ((1 if ((n >= n) or b0) else (n + 255)) * ((i1 - i1) >> 2))
        if z0.real * z0.real + z0.imag * z0.imag > 4.0:
            break
    if b0:
        return ((i0 * i1) + ((i0 & 255) >> 4))
    if ((i1 / (2 % 5 + 1)) < (f0 - f1)):
        return (255 - li[-1 - math.floor(max(-1e6, min(1e6, f0))) % 4])
    return (i0 * int(max(-1e6, min(1e6, (K1 if (i1 == i0) else f0)))))


def calc_pure_python():
    return f
