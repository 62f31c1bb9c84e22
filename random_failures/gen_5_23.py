import math

K1 = abs((complex() - (0.5 - 0.25j)))
K2 = (~(1 ** 1))
PAL3 = (max(-1e6, min(1e6, K1)),)


def h0(c, p1, p2=0.25j):
    t0 = 0.25
    t0 *= float(((-c.real) - p1))
    p1 *= (0 / (((7 ** 3) << 4) % 5 + 1))
    for k4 in range(((~5) & 7) % 5, 0):
        t0 *= (((10 / (k4 % 5 + 1)) * (0.0 * K1)) / (abs((int(PAL3[2 % len(PAL3)]) + (K1 + p1))) + 0.5))
    pass
    return (255) % 10007 - 5003


def f(maxiter, c):
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
    f0 -= (((i1 + 10) // (((-4) + 1) % 7 + 1)) / (((i0 + i0) * (10 * i0)) % 5 + 1))
    for n in range(maxiter):
        z0 = z0 * z0 + c
        if (PAL3[0] > (-1.5)):
            if b0:
                return len(la)
            z0 = (((-1j) * z0) - z0)
            if (not (K1 <= 13)):
                return n
        if ((-f1) <= (K2 - i1)):
            if ((K1 <= f0) or (PAL3[0] <= K2)):
                i1 = (min(i0, ((n + i0) >> 3))) % 10007 - 5003
            elif b0:
                i1 = (round(max(-1e6, min(1e6, ((PAL3[0] - f0) - math.cos(max(-1e6, min(1e6, 0.5)))))))) % 10007 - 5003
                i1 = (abs(((i1 | i0) % -(abs((10 * 7)) % 9 + 1)))) % 10007 - 5003
        li[(i1 << 4) % 4] = (((abs(i1) if (i0 < i0) else (K2 | K2)) if (math.ceil(max(-1e6, min(1e6, K1))) > K2) else n)) % 10007 - 5003
        w5 = 0
        while w5 < 4:
            w5 += 1
            z0 = z0
            i0 = ((~round(max(-1e6, min(1e6, (K1 * c.imag)))))) % 10007 - 5003
            lf[-1 - (math.ceil(max(-1e6, min(1e6, f1))) & (0 & 5)) % 3] = lf[(((-1) & 0) << 5) % 3]
        if abs(z0) > 2.0:
            break
    i0 = ((((i0 | K2) * i0) + (min(i0, i0) - (K2 + 2)))) % 10007 - 5003
    return (h0((z1 * z1), f1, (1j + i0)) + (i1 + (0 - i1)))


def calc_pure_python():
    return f
