import math

K1 = ((0 ^ 8) // (abs((2 % (abs(8) % 5 + 1))) % 5 + 1))
K2 = min(3.25, math.pi)
K3 = abs((complex() * math.pi))
K4 = 0.5
PAL5 = (-980, -713, -876, 195)


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
    w6 = 0
    while w6 < 1:
        w6 += 1
        if ((i1 >> 1) == (-i1)):
            f0 = ((math.floor(max(-1e6, min(1e6, 0.0))) / (max(K1, i0) % 5 + 1)) / (abs((0 / (((-1) - K1) % 5 + 1))) + 0.5))
            i0 = ((~((i0 % (abs(255) % 9 + 1)) << 4))) % 10007 - 5003
        else:
            f0 -= 3.25
    z0 += complex(((255 // (2 % 7 + 1)) / ((K1 << 5) % 5 + 1)), 3.25)
    for n in range(maxiter):
        z0 = z0 * z0 + c
        f1 += (((f0 + 3.25) // (abs(max(K3, c.real)) + 0.5)) * (2j.real + (f0 * 0.1)))
        for k7 in range(0):
            for k8 in range(K1 % 5, 6):
                lf[-1 - n % 3] = (K4 if b0 else ((f0 - f0) - math.fabs(f0)))
                b0 = ((z0 / (z0 + (abs(z0) + 1.0))) == (1j + z0))
        n = ((i0 ^ K1)) % 10007 - 5003
        if abs(z0) > 2.0:
            return n + i0
    if ((f0 - f1) > lf[i1 % 3] < (K3 if (K1 > i1) else 1e-3)):
        z0 *= (-1j)
        if (b0 or (f0 < 0.0)):
            li[((K1 & i0) + (K1 - i1)) % 4] = ((~((i1 + i0) << 4))) % 10007 - 5003
        else:
            z1 *= c
        i0 += i0
        i0 = i0 % 10007 - 5003
    else:
        f1 += 0.0
        if (not (2 < i0)):
            return ((sum(PAL5) * abs(i1)) % -(abs((5 >> 5)) % 9 + 1))
    return li[sum(li) % 4]


def calculate_z_serial_purepython(maxiter, zs, cs, output):
    for i in range(len(cs)):
        output[i] = mandel(Re=cs[i].real, Im=cs[i].imag, max_iter=maxiter)


def calc_pure_python():
    return calculate_z_serial_purepython
