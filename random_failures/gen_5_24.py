import math

K1 = (complex(0.5, 2.0)).conjugate()
K2 = ((10 | 0) | (0 ^ 8))
K3 = min((abs(max(-1e6, min(1e6, 2.0))) + 1.0) ** 3.0, math.hypot(math.e, 1e-3))
K4 = math.hypot((abs(max(-1e6, min(1e6, K3))) + 1.0) ** 0.5, (abs(max(-1e6, min(1e6, K3))) + 1.0) ** 3.0)
PAL5 = [89, 601]


def mandel(real, imag, max_iterations=20):
    c = complex(real, imag)
    maxiter = max_iterations
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
    for k6 in range(((i0 * (-4)) + math.floor(max(-1e6, min(1e6, f1)))) % 5, 4):
        z1 += c
        if ((1e-3 if (k6 > K2) else 3.25) >= f1):
            continue
        for k7 in range(3):
            b0 = ((k6 != k6) and ((10 >= i1) or b0))
            i0 = ((((i1 % (abs(K2) % 9 + 1)) - (i1 * 3)) // -((k6 + (i1 - k6)) % 7 + 1))) % 10007 - 5003
            i1 = (((3 << 5) >> 1)) % 10007 - 5003
    else:
        b0 = ((c ** 3) == (z1 + i1))
    i0 = (i1) % 10007 - 5003
    z0 *= z1
    b0 = ((~i0) <= i1)
    for n in range(maxiter):
        z0 = z0 * z0 + c
        for k8 in range((1 ^ n) % 5, 5):
            for k9 in range(abs((-4)) % 5, 2):
                i0 = ((math.ceil(max(-1e6, min(1e6, 1e-3))) & (k8 * (i0 + 5)))) % 10007 - 5003
            if (K2 < (i1 + i1)):
                i1 = ((i1 + k8)) % 10007 - 5003
                f0 *= math.e
                i0 = (i1) % 10007 - 5003
            if ((~K2) != abs(i0)):
                return (math.ceil(max(-1e6, min(1e6, (255 / (k8 % 5 + 1))))) - (((-4) ^ k8) + 10))
        z0 *= (((K1 - (-1.5)) * (1j / (z1 + (abs(z1) + 1.0)))) + complex((-0.0), (z1).conjugate().imag))
        if z0.real * z0.real + z0.imag * z0.imag > 4.0:
            break
    if (lf[2 % 3] > (i1 / (i0 % 5 + 1))):
        return (i0 if b0 else (max(i0, (-1)) + ((-4) + i0)))
    w10 = 0
    while w10 < 3:
        w10 += 1
        b0 = (i1 != (i1 * i0))
        for k11 in range((~(i0 << 3)) % 5, 5):
            f0 -= (0.5 * 3.25)
        else:
            b0 = ((c.imag if (K2 != i1) else 0.0) > lf[i0 % 3])
        w12 = 0
        while w12 < 2:
            w12 += 1
            i0 = (sum(PAL5)) % 10007 - 5003
    return abs((max(i1, i1) + ((-1) * i0)))


def calc_pure_python():
    return mandel
