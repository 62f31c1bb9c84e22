import math

K1 = math.atan2(abs(complex()), (3.25 - (-1.5)))
K2 = (complex() + complex(K1, K1))
K3 = ((1j * K1) * (abs(max(-1e6, min(1e6, K1))) + 1.0) ** 0.5)
K4 = (complex(-0.62772, -0.42193) + (K2).conjugate())
PAL5 = (max(-1e6, min(1e6, (K1 // (abs(K1) + 0.5)))), max(-1e6, min(1e6, 0.1)), max(-1e6, min(1e6, 1e-3)), max(-1e6, min(1e6, math.sqrt(abs(max(-1e6, min(1e6, K1)))))), max(-1e6, min(1e6, K1)))
PAL6 = [max(-1e6, min(1e6, max((-1.5), 0.5))), max(-1e6, min(1e6, (abs(max(-1e6, min(1e6, 3.25))) + 1.0) ** 3.0)), max(-1e6, min(1e6, (abs(max(-1e6, min(1e6, 0.5))) + 1.0) ** 0.5)), max(-1e6, min(1e6, math.atan2(math.e, 0.1))), max(-1e6, min(1e6, math.pi))]


def h0(c):
    t0 = 0.25
    pass
    w7 = 0
    while w7 < 5:
        w7 += 1
        c *= (c - K2)
        t0 = round((((-1.5) * t0) if (1j == K2) else (t0 - c.real)), 2)
        t0 *= ((K1 / (abs((c.real - (-1.5))) + 0.5)) - ((0.1 % (abs(0.5) + 0.5)) if ((-4) < 255) else t0))
    return ((round(max(-1e6, min(1e6, (K1 // (abs(3.25) + 0.5))))) * ((10 + 2) + (-(-4))))) % 10007 - 5003


def h1(c, p1=3, p2=3):
    p1 = p1 % 10007 - 5003
    p2 = p2 % 10007 - 5003
    t0 = 0.25
    if (0.1 >= (t0 if (p1 >= p2) else t0) < (2.0 * c.real)):
        return (int(PAL6[(p2 + 7) % len(PAL6)]) >> 4)
    if ((p1 ^ p1) == (10 + p1)):
        return (((~p1) - (p2 >> 1)) & (abs(p1) + int(PAL5[p2 % len(PAL5)])))
    for k8 in range((p1 * (p2 - p1)) % 5, 1):
        t0 *= t0
        pass
        pass
    return (2) % 10007 - 5003


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
    li[math.ceil(max(-1e6, min(1e6, f1))) % 4] = ((~round(max(-1e6, min(1e6, math.fabs(f1)))))) % 10007 - 5003
    i0 = (((1 >> 1) ^ (~(i1 - i1)))) % 10007 - 5003
    for n in range(maxiter):
        z0 = z0 * z0 + c
        i0 = (math.floor(max(-1e6, min(1e6, ((-1.5) + c.real))))) % 10007 - 5003
        if (K1 <= f1 < (PAL6[0] // (abs(f0) + 0.5))):
            break
        if abs(z0) > 2.0:
            break
    f0 += ((f1 if (f0 < f1) else f1) if ((PAL6[-1] - f1) > (f0 - f0)) else ((-K1) + (K1 - f0)))
    f1 *= K1
    return abs((((-4) + i1) >> 4))


def calc_pure_python():
    return mandel
