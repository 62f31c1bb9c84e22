import math

K1 = complex()
K2 = 1
K3 = 3
K4 = ((K3 % (abs(K2) % 5 + 1)) ** 0)
PAL5 = [max(-1e6, min(1e6, 3.25))]
PAL6 = (501, -633, -456)


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
    if (PAL5[0] < (0.0 * 3.25)):
        return abs((i1 % (abs((i0 * i0)) % 9 + 1)))
    li[int(max(-1e6, min(1e6, f1))) % 4] = (((i1 + PAL6[i0 % len(PAL6)]) * min(2, max(i0, len(li))))) % 10007 - 5003
    for n in range(maxiter):
        z0 = z0 * z0 + c
        i1 = (K2) % 10007 - 5003
        if z0.real * z0.real + z0.imag * z0.imag > 4.0:
            break
    if ((K4 - i1) < 2):
        return K3
    i0 += (((i0 << 4) - (-1)) - i0)
    i0 = i0 % 10007 - 5003
    return (((i1 % -(abs(10) % 9 + 1)) >> 3) if (not (PAL5[-1] > i0)) else max(0, len(li)))


def calc_pure_python():
    return f
