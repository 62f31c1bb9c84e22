import math

K1 = (abs((0.5 - 0.25j)) + (8 // (abs(0) % 5 + 1)))
K2 = 8
K3 = complex()
K4 = ((K2 ** 2) ^ (K2 ^ 3))
PAL5 = (849, -668, 831)
PAL6 = (508, 504)


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
    for k7 in range(((13 * i0) << 3) % 5, 4):
        if ((k7 + 7) == 10):
            continue
    for k8 in range(3):
        i1 = (((max(K4, len(li)) - math.ceil(max(-1e6, min(1e6, f1)))) << 5)) % 10007 - 5003
        i1 = ((i0 - ((i0 >> 3) * k8))) % 10007 - 5003
        for k9 in range(((-i1) * i0) % 5, 1):
            f0 = f1
    for n in range(maxiter):
        z0 = z0 * z0 + c
        b0 = ((i0 != 10) or (b0 or (i1 != i0)))
        z1 += (c ** 3)
        i1 = ((((i1 * i1) % (abs((i1 | i1)) % 9 + 1)) >> 3)) % 10007 - 5003
        if (min(c.imag, K1) <= 10):
            lf[-1 - ((n * K2) // ((-i0) % 7 + 1)) % 3] = K1
        elif ((z0 / (2j + (abs(2j) + 1.0))) == complex(0.1, K1)):
            if ((f0 - 2.0) > f0):
                b0 = ((f0 * f0) >= lf[n % 3])
            elif (i1 == (i0 * n)):
                n += (n | 2)
                n = n % 10007 - 5003
                n = ((((i0 >> 1) if (3.25 > f0) else (-4)) + ((i1 + 255) << 1))) % 10007 - 5003
        if abs(z0) > 2.0:
            return n + i0
    w10 = 0
    while w10 < 3:
        w10 += 1
        w11 = 0
        while w11 < 2:
            w11 += 1
            z1 = K3
            i1 = (abs(100)) % 10007 - 5003
    return (((i1 * i1) - (13 + K2)) >> 1)


def calc_pure_python():
    return f
