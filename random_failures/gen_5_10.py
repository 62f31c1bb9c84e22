import math

K1 = (((0.5 - 0.25j) + (0.5 - 0.25j)) * (3.25 - 3.25))
K2 = 3.25
K3 = ((0.5 - 0.25j) + (K1 / (abs(K1) + 1.0)))
K4 = int(max(-1e6, min(1e6, (math.pi + (-7)))))


def mandel(x, y, max_iters):
    c = complex(x, y)
    maxiter = max_iters
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
    w5 = 0
    while w5 < 2:
        w5 += 1
        for k6 in range(1):
            f1 *= (((z1 / (z0 + (abs(z0) + 1.0)))).conjugate().imag * ((255 - 255) + (2.0 % (abs(0.1) + 0.5))))
            f0 = K2
        else:
            z0 += z0
        z1 *= K1
    for n in range(maxiter):
        z0 = z0 * z0 + c
        li[((7 // -(3 % 7 + 1)) * (13 >> 4)) % 4] = (i1) % 10007 - 5003
        if z0.real * z0.real + z0.imag * z0.imag > 4.0:
            return n + i0
    if ((f0 % (abs(1e10) + 0.5)) > K2):
        if ((z1 + K1) != (K3 * z0)):
            i1 = ((-(-4))) % 10007 - 5003
            z1 += K1
            li[(5 * 13) % 4] = ((-1)) % 10007 - 5003
        elif (complex(f0, K2) != (z1 - 0j)):
            i0 = (max(max((i0 if (i0 == K4) else i0), len(li)), len(li))) % 10007 - 5003
        for k7 in range(max(max(i0, 255), (i0 * K4)) % 5, 1):
            li[i0 % 4] = (((K4 - i0) if ((5 * 255) > (7 // -((-1) % 7 + 1))) else K4)) % 10007 - 5003
    else:
        for k8 in range(6):
            i0 = (li[i1 % 4]) % 10007 - 5003
            z1 += z0
            i0 = (i1) % 10007 - 5003
        if (not b0):
            z1 *= complex((2j * K3).real, ((-1e10) - math.sqrt(abs(0.1))))
            i1 = (((max(K4, len(li)) & 100) // -(((i0 - i1) * (i0 - 1)) % 7 + 1))) % 10007 - 5003
            b0 = (i1 > (i0 >> 0))
        elif (not (K4 <= i1)):
            i0 = ((((0 * i1) if (c.real > 1e-3) else li[5 % 4]) >> 3)) % 10007 - 5003
            i1 = (K4) % 10007 - 5003
    if (i0 != (i1 ^ i1)):
        w9 = 0
        while w9 < 5:
            w9 += 1
            z0 += ((-1j) - complex((K2 - c.real), (f1 * f1)))
            f0 = ((i1 + ((-1) - i1)) / ((255 - i0) % 5 + 1))
    return ((-(i0 - i1)) - ((K4 - K4) // ((i1 - i1) % 7 + 1)))


def calc_pure_python():
    return mandel
