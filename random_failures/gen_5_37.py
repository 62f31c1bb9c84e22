import math

K1 = (1j * math.atan2(1e-3, 0.5))
K2 = ((1 & 8) | 1)
K3 = ((K1 * (-1.5)) * (complex() * 3.25))


def h0(c, p1, p2=0.25j):
    t0 = 0.25
    if ((K2 if (255 == 3) else 13) == (0 - 100)):
        return (100 + ((1 + (-4)) + (K2 * 13)))
    return ((((1 - (-1)) % -(abs((1 // (13 % 7 + 1))) % 9 + 1)) * ((13 if (0 <= 13) else 0) * abs(5)))) % 10007 - 5003


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
    w4 = 0
    while w4 < 4:
        w4 += 1
        if ((K2 < 255) or (3 >= i0)):
            lf[-1 - max((i0 * 10), abs(10)) % 3] = (max(math.exp(min(1e10, 50.0)), 1e10) - ((i0 - 0) >> 5))
            b0 = (h0(K3, (-1j), K3) >= (i1 * i0))
        z1 += (c ** 2)
        for k5 in range(6):
            f0 -= 1e10
    if ((not (i0 == K2)) and (f0 < i0)):
        li[sum(li) % 4] = (((round(max(-1e6, min(1e6, f0))) // (h0(2j, 2j, z1) % 7 + 1)) % (abs(((i1 - i0) * (K2 - 10))) % 9 + 1))) % 10007 - 5003
        f1 = 1e10
        f0 = ((i0 * (i0 / (K2 % 5 + 1))) + 2.0)
    elif (float(f0) >= f1):
        if ((f0 < 0.5) and (f1 >= i0)):
            return (i0 >> 5)
        i1 += (-(~max((-4), K2)))
        i1 = i1 % 10007 - 5003
    f1 -= (0.5 + 0.0)
    for n in range(maxiter):
        z0 = z0 * z0 + c
        for k6 in range(6):
            for k7 in range((((-1) - k6) - (0 * i0)) % 5, 3):
                i0 = ((((3 % -(abs(k7) % 9 + 1)) & (k6 * i0)) + K2)) % 10007 - 5003
                z0 = z0
        if z0.real * z0.real + z0.imag * z0.imag > 4.0:
            break
    w8 = 0
    while w8 < 1:
        w8 += 1
        if (K2 < h0(K3, K3, p2=z0)):
            return K2
        f0 -= f1
        if (math.e > li[-1 - i1 % 4]):
            z1 = ((complex(f1, 2.0) * ((0.5 + 0.25j) + z0)) * (z1 / (complex(f0, 0.1) + (abs(complex(f0, 0.1)) + 1.0))))
            i1 = ((~((i0 & i0) - i0))) % 10007 - 5003
        else:
            f0 += (f1 if ((i1 >> 5) >= (-i0)) else math.sqrt(abs((f1 + f0))))
            z1 = 1j
    f1 *= (((f0 / (abs(f0) + 0.5)) * math.atan2(3.25, f1)) * 3.25)
    i0 = ((i0 - i0)) % 10007 - 5003
    return (((i1 * 255) & (2 * i1)) * ((i1 - i1) + max(i0, i0)))


def calc_pure_python():
    return f
