import math

K1 = math.cos(max(-1e6, min(1e6, math.hypot(math.pi, math.e))))
K2 = ((3 ** 1) - math.ceil(max(-1e6, min(1e6, 0.1))))
K3 = 1j
K4 = (math.sin(max(-1e6, min(1e6, 0.5))) + (10 ** 0))
PAL5 = (max(-1e6, min(1e6, (abs(max(-1e6, min(1e6, math.e))) + 1.0) ** 0.5)), max(-1e6, min(1e6, 1e-3)))


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
    i0 = (((i0 - (i0 % (abs(13) % 9 + 1))) - ((i1 - K2) * (i0 * 13)))) % 10007 - 5003
    for n in range(maxiter):
        z0 = z0 * z0 + c
        i0 = (((-(n - i0)) + sum([v for v in li if v > (i1 - n)]))) % 10007 - 5003
        w6 = 0
        while w6 < 2:
            w6 += 1
            n = ((sum([v for v in li if v > (i0 // -(K2 % 7 + 1))]) << 2)) % 10007 - 5003
            for k7 in range(((-n) * (K2 // (0 % 7 + 1))) % 5, 0):
                i0 = (((int(PAL5[i1 % len(PAL5)]) - (K2 if (K2 <= k7) else n)) + ((i0 >> 0) % (abs((100 - K2)) % 9 + 1)))) % 10007 - 5003
                b0 = ((255 << 1) == k7)
                n = ((((n % (abs(n) % 9 + 1)) & i0) + k7)) % 10007 - 5003
        b0 = (round(f0, 2) <= int(PAL5[i0 % len(PAL5)]))
        f0 *= ((c.real * f1) + K3.real)
        if abs(z0) > 2.0:
            return n + i0
    z1 *= (((z1 / (abs(1j) + 1.0)) + complex(f0, f0))).conjugate()
    i1 = (3) % 10007 - 5003
    return ((-(i1 - i0)) + i1)


def calc_pure_python():
    return f
